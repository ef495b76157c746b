import { randomBytes } from 'node:crypto';
import { lazyPackage } from '../../core/lazy.js';

/** otplib is loaded by the first second-factor use, not at start (issue 23 §1). */
const otp = lazyPackage<typeof import('otplib')>('otplib');

/** RFC 6238 with the authenticator apps' defaults: SHA-1, six digits, 30-second steps. */
export const TOTP_PERIOD_SECONDS = 30;
/** A code of the step before or after the current one is accepted (clock drift of a phone). */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export const newTotpSecret = (): string => otp().generateSecret({ length: 20 });

export const totpUri = (secret: string, issuer: string, account: string): string => otp().generateURI({ issuer, label: account, secret });

/** The code for `at` (tests and the enrolment check). */
export const totpAt = (secret: string, at: Date): string => otp().generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });

/**
 * The time step the code belongs to, or null when it matches none in the window. Whether the step
 * was already used is the database's question (accounts.repository consumeTotpStep).
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = otp().verifySync({ secret, token, epoch: Math.floor(at.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
    return result.valid ? (result as { timeStep: number }).timeStep : null;
  } catch {
    return null;
  }
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** Ten one-time recovery codes, `xxxxx-xxxxx` (50 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}
export const normalizeRecoveryCode = (code: string) => code.trim().toLowerCase().replace(/[^a-z0-9]/g, '').replace(/^(.{5})(.{5})$/, '$1-$2');
