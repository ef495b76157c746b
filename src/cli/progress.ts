/**
 * Issue 20 §6: progress of the long CLI commands (`import netbox`, `backup`, `restore`,
 * `compensation recompute`) on stderr, so stdout stays the command's report (scripts read it).
 * On a terminal one line is redrawn in place: `备份 · 文件 [#######-------] 312/640 49%`, at most ten
 * times a second. Anywhere else (a pipe, a log file, cron) plain lines: one when a step starts and one
 * per tenth of the way, never the carriage returns and escape codes a log would be cluttered with.
 */
export interface ProgressSink {
  write(s: string): unknown;
  /** true on a terminal (process.stderr.isTTY) */
  isTTY?: boolean;
  columns?: number;
}

/** What a service reports while it works: the step it is in, and how far through that step. */
export interface ProgressEvent {
  step: string;
  done: number;
  /** 0 or absent: not known (the count is shown without a bar) */
  total?: number;
}

export interface Progress {
  /** The service's callback: a new step or a new count. */
  update(e: ProgressEvent): void;
  /** The work is over: a terminal's bar line is ended (left as the last state), plain output says nothing more. */
  finish(): void;
}

export interface ProgressOptions {
  /** What the command does, e.g. 备份 / Backup. */
  label: string;
  /** A step's name as shown (the service's step ids → words in the user's language); the id itself otherwise. */
  stepLabel?: (step: string) => string;
  /** Milliseconds now (injected so a test can move it); redraws are throttled on it. */
  now?: () => number;
  width?: number;
}

const BAR = 24;

export function makeProgress(sink: ProgressSink, opts: ProgressOptions): Progress {
  const now = opts.now ?? (() => Date.now());
  const stepLabel = opts.stepLabel ?? ((s: string) => s);
  const tty = sink.isTTY === true;
  let step: string | undefined;
  let lastDraw = -Infinity;
  let lastTenth = -1;
  let drawn = false;
  let pending: ProgressEvent | undefined;

  const text = (e: ProgressEvent, bar: boolean) => {
    const total = e.total && e.total > 0 ? e.total : undefined;
    const head = `${opts.label} · ${stepLabel(e.step)}`;
    if (!total) return `${head} ${e.done}`;
    const ratio = Math.min(1, Math.max(0, e.done / total));
    const percent = `${Math.floor(ratio * 100)}%`;
    if (!bar) return `${head} ${e.done}/${total} ${percent}`;
    const filled = Math.round(ratio * BAR);
    return `${head} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${e.done}/${total} ${percent}`;
  };

  const draw = (e: ProgressEvent) => {
    const width = opts.width ?? sink.columns ?? 80;
    const line = text(e, true);
    // clear to the end of the line: a shorter line leaves no tail of the longer one before it
    sink.write(`\r${line.length > width - 1 ? line.slice(0, width - 1) : line}\x1b[K`);
    drawn = true;
    lastDraw = now();
    pending = undefined;
  };

  return {
    update(e) {
      const newStep = e.step !== step;
      if (newStep) {
        step = e.step;
        lastTenth = -1;
      }
      const total = e.total && e.total > 0 ? e.total : 0;
      const complete = total > 0 && e.done >= total;
      if (tty) {
        if (newStep || complete || now() - lastDraw >= 100) draw(e);
        else pending = e;
        return;
      }
      // plain lines: the step's start, each tenth of the way, and its end
      const tenth = total ? Math.floor((Math.min(e.done, total) / total) * 10) : 0;
      if (newStep || tenth > lastTenth) {
        lastTenth = tenth;
        sink.write(`${text(e, false)}\n`);
      }
    },
    finish() {
      if (!tty) return;
      if (pending) draw(pending);
      if (drawn) sink.write('\n');
      drawn = false;
    },
  };
}
