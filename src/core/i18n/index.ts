import { zhCN, type MessageKey } from './zh-CN.js';
import { en } from './en.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export type { MessageKey };

type Catalog = Record<string, string>;
const catalogs: Record<Locale, Catalog> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/** Modules (and the rules core) contribute their own messages under their own keys. */
export function registerMessages(messages: Record<string, Partial<Record<Locale, string>>>): void {
  for (const [key, byLocale] of Object.entries(messages)) {
    for (const locale of LOCALES) {
      const text = byLocale[locale];
      if (text !== undefined) catalogs[locale][key] = text;
    }
  }
}

export function hasMessage(key: string): boolean {
  return key in catalogs[DEFAULT_LOCALE];
}

export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}

export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[locale][key] ?? catalogs[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Picks zh-CN or en from an Accept-Language header; Chinese is the default. */
export function localeFrom(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

/** The terminal's language for the CLI: LC_ALL / LC_MESSAGES / LANG; zh-CN unless it says English. */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const raw = env.RACKPACT_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return raw.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LOCALE;
}
