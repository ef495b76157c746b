import { main } from '../../src/cli/rackpact.js';
import type { Locale } from '../../src/core/i18n/index.js';

/** Runs the real CLI entry in-process and captures what it prints. */
export async function runCli(argv: string[], env: Record<string, string | undefined>, lang: Locale = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), lang }, env as NodeJS.ProcessEnv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
