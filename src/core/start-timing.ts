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
