#!/usr/bin/env node
// The CLI entry: TypeScript sources run through tsx so the shipped package needs no build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/rackpact.ts');
process.exitCode = await main(process.argv.slice(2));
