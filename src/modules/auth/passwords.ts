/** The native argon2 binding is loaded by the first hash or check, not by every start (issue 23 §1). */
const argon2 = () => import('@node-rs/argon2');

// Algorithm.Argon2id; the package's const enum cannot be imported under isolatedModules
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
export const argon2idHasher: PasswordHasher = {
  hash: async (password) => (await argon2()).hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  verify: async (stored, password) => {
    try {
      return await (await argon2()).verify(stored, password);
    } catch {
      return false;
    }
  },
};

export const MIN_PASSWORD_LENGTH = 10;
