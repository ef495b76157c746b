import { t, type Locale } from '../../core/i18n/index.js';
import { formatShanghai as iso } from '../../rules/index.js';
import type { IncidentCause } from './incidents.schema.js';

/** Beijing time to the minute, as people read it (2026-03-02 10:00). */
const formatShanghai = (d: Date) => iso(d).replace('T', ' ');

const COLOURS: Record<IncidentCause, string> = {
  provider_fault: '#cf1322',
  provider_planned: '#d46b08',
  network_cutover: '#d4b106',
  relocation: '#7cb305',
  customer_fault: '#1677ff',
  force_majeure: '#8c8c8c',
  third_party_circuit: '#595959',
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An outage timeline of one contract as SVG: one bar per interval on a time axis, coloured by cause. */
export function renderTimeline(input: { title: string; now: Date; intervals: { start: Date; end: Date; open: boolean; cause: IncidentCause; number: string }[]; locale: Locale }): string {
  const W = 760;
  const left = 150;
  const rowH = 22;
  const top = 40;
  const rows = input.intervals;
  const from = rows.length ? Math.min(...rows.map((r) => r.start.getTime())) : input.now.getTime() - 86_400_000;
  const to = rows.length ? Math.max(...rows.map((r) => r.end.getTime()), from + 3_600_000) : input.now.getTime();
  const x = (ms: number) => left + ((ms - from) / (to - from)) * (W - left - 20);
  const H = top + Math.max(1, rows.length) * rowH + 40;
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowH;
      const x1 = x(r.start.getTime());
      const w = Math.max(2, x(r.end.getTime()) - x1);
      const label = `${r.number} ${t(input.locale, `incident.cause.${r.cause}`)} ${formatShanghai(r.start).slice(0, 16)} – ${r.open ? '…' : formatShanghai(r.end).slice(0, 16)}`;
      return `<text x="4" y="${y + 15}" font-size="11">${esc(r.number)}</text><rect x="${x1.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[r.cause]}"${r.open ? ' fill-opacity="0.5"' : ''}><title>${esc(label)}</title></rect>`;
    })
    .join('');
  const empty = rows.length ? '' : `<text x="${left}" y="${top + 15}" font-size="12" fill="#888">${esc(t(input.locale, 'incident.timeline.empty'))}</text>`;
  const axis = `<line x1="${left}" y1="${H - 30}" x2="${W - 20}" y2="${H - 30}" stroke="#999"/><text x="${left}" y="${H - 14}" font-size="10">${esc(formatShanghai(new Date(from)).slice(0, 16))}</text><text x="${W - 20}" y="${H - 14}" font-size="10" text-anchor="end">${esc(formatShanghai(new Date(to)).slice(0, 16))}</text>`;
  const heading = t(input.locale, 'incident.timeline.title', { contract: input.title });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans CJK SC, sans-serif"><title>${esc(heading)}</title><text x="4" y="20" font-size="14" font-weight="bold">${esc(heading)}</text>${bars}${empty}${axis}</svg>`;
}
