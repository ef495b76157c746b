/**
 * Issue 23 §2, diagnosis only: preloaded into a server (`node --import ./bench/memory-probe.mjs …`), it
 * appends one JSON line to $MEMORY_PROBE_OUT on each SIGUSR2 — process.memoryUsage(), V8's heap spaces,
 * and the memory right after the latest major GC (V8's heap then holds only what is live, so the series of
 * those is the server's floor; between major GCs the old generation fills with promoted garbage) —
 * so a bench can sample the JS side of the memory per round while it reads /proc/PID/smaps for the rest.
 * Not part of the server: nothing listens for SIGUSR2 unless this file is preloaded.
 */
import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

const out = process.env.MEMORY_PROBE_OUT;
if (out) {
  let majorGcs = 0;
  let afterMajorGc = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
      majorGcs += 1;
      const m = process.memoryUsage();
      afterMajorGc = { n: majorGcs, at: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal };
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_used_size / 1024) / 1024]));
    appendFileSync(out, `${JSON.stringify({ t: Date.now(), ...process.memoryUsage(), spaces, majorGcs, afterMajorGc })}\n`);
  });
}
