/**
 * Issue 23 §2, diagnosis only: preloaded into a server (`node --import ./bench/memory-probe.mjs …`), it
 * appends one JSON line to $MEMORY_PROBE_OUT on each SIGUSR2 — process.memoryUsage() and V8's heap spaces —
 * so a bench can sample the JS side of the memory per round while it reads /proc/PID/smaps for the rest.
 * Not part of the server: nothing listens for SIGUSR2 unless this file is preloaded.
 */
import { appendFileSync } from 'node:fs';
import v8 from 'node:v8';

const out = process.env.MEMORY_PROBE_OUT;
if (out) {
  process.on('SIGUSR2', () => {
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_used_size / 1024) / 1024]));
    appendFileSync(out, `${JSON.stringify({ t: Date.now(), ...process.memoryUsage(), spaces })}\n`);
  });
}
