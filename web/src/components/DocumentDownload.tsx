import { Button, Progress, Space, Spin, type ButtonProps } from 'antd';
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { readResponse, sessionHeaders } from '../api/client';
import { useApiErrors } from '../hooks';
import { useI18n } from '../i18n';

/**
 * Issue 19 §8 / issue 20 §6: a document or CSV download that shows what is happening. A contract PDF
 * is printed by Chromium on request (seconds; more right after a restart), and a big list's CSV takes a
 * while to build and to arrive: until the server answers, a spinner and 正在生成…/Generating…; then the
 * bytes received (a bar when the size is known); a cancel button throughout. The file is saved under the
 * server's name (Content-Disposition). A refusal (e.g. DOCUMENT_RENDER_TIMEOUT) is shown as the
 * server worded it.
 */
export interface DocumentDownloadProps {
  /** The path below /api/v1 (`/contracts/…/document?format=pdf`); one starting with /api/ is taken as is. */
  href: string;
  children: ReactNode;
  /** A button (default) or a text link, as the place it replaces had; either is a real link to the file. */
  as?: 'button' | 'link';
  /** The name to save under when the server names none. */
  fileName?: string;
  size?: ButtonProps['size'];
  icon?: ReactNode;
  'data-testid'?: string;
}

type State = { phase: 'idle' } | { phase: 'generating'; since: number } | { phase: 'receiving'; received: number; total: number | null };

export function DocumentDownload({ href, children, as = 'button', fileName, size, icon, 'data-testid': testId }: DocumentDownloadProps) {
  const { t } = useI18n();
  const showError = useApiErrors();
  const [state, setState] = useState<State>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // a download still running when the page goes is cancelled
  useEffect(() => () => abort.current?.abort(), []);

  const url = href.startsWith('/api/') ? href : `/api/v1${href}`;

  async function start() {
    if (abort.current) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'generating', since: Date.now() });
    try {
      const res = await fetch(url, { credentials: 'same-origin', headers: sessionHeaders('GET'), signal: controller.signal });
      if (!res.ok) await readResponse(res); // throws the server's refusal as ApiError
      const length = Number(res.headers.get('content-length'));
      const total = Number.isFinite(length) && length > 0 ? length : null;
      const chunks: Uint8Array[] = [];
      let received = 0;
      setState({ phase: 'receiving', received, total });
      const reader = res.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setState({ phase: 'receiving', received, total });
        }
      } else chunks.push(new Uint8Array(await res.arrayBuffer()));
      save(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), nameOf(res.headers.get('content-disposition')) ?? fileName ?? lastSegment(url));
    } catch (e) {
      if (!controller.signal.aborted) showError(e);
    } finally {
      abort.current = null;
      setState({ phase: 'idle' });
    }
  }

  const busy = state.phase !== 'idle';
  // a real link (its href stays: open in a new tab, copy the address, tests read it); a plain click fetches with progress
  const onClick = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void start();
  };
  const trigger =
    as === 'link' ? (
      <a href={url} onClick={onClick} aria-disabled={busy || undefined} data-testid={testId}>
        {children}
      </a>
    ) : (
      <Button size={size} icon={icon} href={url} loading={busy} onClick={onClick} data-testid={testId}>
        {children}
      </Button>
    );
  if (!busy) return trigger;
  return (
    <Space size={6} wrap data-testid={testId ? `${testId}-progress` : 'download-progress'} role="status" aria-live="polite">
      {trigger}
      {state.phase === 'generating' ? (
        <span>
          <Spin size="small" /> <Elapsed since={state.since} label={t('download.generating')} />
        </span>
      ) : (
        <span>
          {state.total ? <Progress percent={Math.floor((state.received / state.total) * 100)} size="small" style={{ width: 120, display: 'inline-block', marginInlineEnd: 6 }} /> : null}
          {t('download.received', { size: formatBytes(state.received), total: state.total ? formatBytes(state.total) : '…' })}
        </span>
      )}
      <Button size="small" type="link" onClick={() => abort.current?.abort()} data-testid={testId ? `${testId}-cancel` : 'download-cancel'}>
        {t('common.cancel')}
      </Button>
    </Space>
  );
}

/** 正在生成… 3 秒: the seconds since the request went out, so a slow render is seen to be alive. */
export function Elapsed({ since, label }: { since: number; label: string }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <span>
      {label}
      {seconds > 0 ? ` ${t('download.seconds', { seconds })}` : ''}
    </span>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** `attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf` or `attachment; filename="x.csv"` → the name. */
function nameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return undefined;
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

function lastSegment(url: string): string {
  return url.split('?')[0].split('/').filter(Boolean).at(-1) ?? 'download';
}

function save(blob: Blob, name: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has taken the file once the click is handled
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
