import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../../core/errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSWORD_SCORE = 3;

/** Words of this site that a password should not lean on, beside the person's own. */
const SITE_WORDS = ['rackpact', 'yunqiao', 'idc'];

let estimator: Promise<ZxcvbnFactory> | undefined;

/**
 * The estimator with its dictionaries (several MB), built on first use, once per process. Its
 * feedback is asked for as keys (warnings map to themselves) so that we can say it in zh-CN and en.
 */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const asKeys = <T extends Record<string, string>>(o: T) => Object.fromEntries(Object.keys(o).map((k) => [k, k])) as T;
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: { ...en.translations, warnings: asKeys(en.translations.warnings), suggestions: asKeys(en.translations.suggestions) },
    });
  })();
  return estimator;
}

// separators people put between the parts of a name or login
const compact = (s: string) => s.toLowerCase().replace(/[\s._\-·]+/g, '');

/**
 * Why a password is refused, as an i18n key, or null when it is strong enough: long enough, not
 * containing the login or the person's name, and scored at least MIN_PASSWORD_SCORE by zxcvbn
 * (common passwords, dictionary words, keyboard runs, dates; the login and name as user inputs).
 */
export async function passwordWeakness(password: string, who: { login: string; displayName?: string | null }): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  const lower = password.toLowerCase();
  const login = who.login.trim().toLowerCase();
  if (login.length >= 3 && lower.includes(login)) return 'password.containsLogin';
  const name = compact(who.displayName ?? '');
  // a name in Chinese characters is meaningful from two characters on
  const nameLongEnough = name.length >= 3 || (name.length === 2 && /[^\x00-\x7f]/.test(name));
  const nameParts = (who.displayName ?? '').toLowerCase().split(/[\s._\-·]+/).filter((p) => p.length >= 4);
  if ((nameLongEnough && compact(password).includes(name)) || nameParts.some((p) => lower.includes(p))) return 'password.containsName';
  const inputs = [login, ...login.split(/[._@-]+/), name, ...nameParts, ...SITE_WORDS].filter((s) => s.length >= 2);
  const result = (await loadEstimator()).check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const warning = result.feedback.warning;
  return warning ? `password.${warning}` : 'password.weak';
}

/** Throws PASSWORD_TOO_WEAK naming `path` with the reason, for every place a password is chosen. */
export async function checkPasswordStrength(password: string, who: { login: string; displayName?: string | null }, path = 'password'): Promise<void> {
  const reason = await passwordWeakness(password, who);
  if (reason) throw new AppError('PASSWORD_TOO_WEAK', { min: MIN_PASSWORD_LENGTH }, [{ path, key: reason, params: { min: MIN_PASSWORD_LENGTH } }]);
}
