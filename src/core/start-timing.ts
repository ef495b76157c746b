import { performance } from 'node:perf_hooks';

/**
 * Issue 23 §1: where `serve`'s start goes. Each mark records the time and the process's CPU time since
 * the process started (module loading included); `serve` logs them at debug once it listens
 * (`LOG_LEVEL=debug`). CPU time tells the phases apart on a busy machine, where the wall time mostly
 * measures the wait for a core.
 */
const marks: [string, number, number][] = [];

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

export function startMark(phase: string): void {
  marks.push([phase, performance.now(), cpuMs()]);
}

/** Each phase so far as `wall ms/CPU ms` since the previous mark (the first: since the process started). */
export function startPhases(): Record<string, string> {
  const out: Record<string, string> = {};
  let [wall, cpu] = [0, 0];
  for (const [phase, atWall, atCpu] of marks) {
    out[phase] = `${Math.round(atWall - wall)}/${Math.round(atCpu - cpu)}`;
    [wall, cpu] = [atWall, atCpu];
  }
  out.total = `${Math.round(wall)}/${Math.round(cpu)}`;
  return out;
}

/**
 * The steps inside one phase (each migration, each step of the demo seed): `wall ms/CPU ms` per step,
 * logged with the phases. Only a first start has any (a warm one applies no migration and seeds nothing).
 */
const steps = new Map<string, Record<string, string>>();

export async function timedStep<T>(group: string, step: string, fn: () => Promise<T>): Promise<T> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  try {
    return await fn();
  } finally {
    const into = steps.get(group) ?? {};
    steps.set(group, into);
    into[step] = `${Math.round(performance.now() - wall)}/${Math.round(cpuMs() - cpu)}`;
  }
}

/** Every group's steps so far (empty when nothing was timed). */
export function startSteps(): Record<string, Record<string, string>> {
  return Object.fromEntries(steps);
}
