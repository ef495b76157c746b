import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A package loaded by its first use instead of at start (issue 23 §1: every package the server loads
 * before it listens delays its first answer and stays in memory), for callers that are synchronous;
 * asynchronous ones use `await import()`. `id` must have a CommonJS entry.
 */
export function lazyPackage<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= requireHere(id) as T);
}
