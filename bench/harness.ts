import { performance } from 'node:perf_hooks';

export interface BenchFigure {
  name: string;
  /** what the ratio compares against, measured in the same run */
  baseline: string;
  unit: string;
  value: number;
  baselineValue: number;
  /** value / baselineValue */
  ratio: number;
  /** the target the figure must meet, as a ratio, when there is one */
  target?: string;
  ok?: boolean;
}

/** Runs fn with `concurrency` workers until `ms` elapses or `maxOps` are done; returns ops/second. */
export async function throughput(fn: () => Promise<unknown>, opts: { ms: number; concurrency: number; maxOps: number }): Promise<number> {
  let done = 0;
  const start = performance.now();
  const deadline = start + opts.ms;
  const worker = async () => {
    while (performance.now() < deadline && done < opts.maxOps) {
      await fn();
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return done / ((performance.now() - start) / 1000);
}

export function figure(f: Omit<BenchFigure, 'ratio'>): BenchFigure {
  return { ...f, ratio: f.value / f.baselineValue };
}
