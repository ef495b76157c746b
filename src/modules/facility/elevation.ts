/** A rack elevation drawing: both faces of one cabinet, U1 at the bottom as on the rails. */
export interface ElevationSlot {
  face: 'front' | 'rear';
  lowest: number;
  highest: number;
  /** what is written in the slot; null draws a plain "occupied" block */
  label: string | null;
  detail: string | null;
  own: boolean;
}

const U_PX = 16;
const FACE_W = 260;
const GUTTER = 40;
const TOP = 40;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderElevation(opts: { title: string; heightU: number; slots: ElevationSlot[]; faces: { front: string; rear: string }; occupied: string }): string {
  const height = TOP + opts.heightU * U_PX + 20;
  const width = GUTTER + 2 * FACE_W + GUTTER + 20;
  const y = (u: number) => TOP + (opts.heightU - u) * U_PX;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Noto Sans CJK SC, sans-serif" font-size="11">`,
    `<title>${escape(opts.title)}</title>`,
    `<text x="${width / 2}" y="16" text-anchor="middle" font-size="14" font-weight="600">${escape(opts.title)}</text>`,
  ];
  (['front', 'rear'] as const).forEach((face, i) => {
    const x = GUTTER + i * (FACE_W + GUTTER);
    parts.push(`<text x="${x + FACE_W / 2}" y="32" text-anchor="middle" font-weight="600">${escape(opts.faces[face])}</text>`);
    parts.push(`<rect x="${x}" y="${TOP}" width="${FACE_W}" height="${opts.heightU * U_PX}" fill="#fafafa" stroke="#595959"/>`);
    for (let u = 1; u <= opts.heightU; u += 1) {
      parts.push(`<line x1="${x}" x2="${x + FACE_W}" y1="${y(u)}" y2="${y(u)}" stroke="#e8e8e8"/>`);
      parts.push(`<text x="${x - 4}" y="${y(u) + U_PX - 4}" text-anchor="end" fill="#8c8c8c" font-size="9">${u}</text>`);
    }
    for (const slot of opts.slots.filter((s) => s.face === face)) {
      const top = y(slot.highest);
      const h = (slot.highest - slot.lowest + 1) * U_PX;
      const fill = slot.label === null ? '#d9d9d9' : slot.own ? '#1264b4' : '#69b1ff';
      const text = slot.label ?? opts.occupied;
      parts.push(`<g data-u="${slot.lowest}-${slot.highest}"><rect x="${x + 2}" y="${top + 1}" width="${FACE_W - 4}" height="${h - 2}" rx="2" fill="${fill}"/>`);
      parts.push(`<text x="${x + 8}" y="${top + Math.min(h, 2 * U_PX) / 2 + 4}" fill="${slot.label === null ? '#595959' : '#fff'}">${escape(text)}${slot.detail ? ` · ${escape(slot.detail)}` : ''}</text></g>`);
    }
  });
  parts.push('</svg>');
  return parts.join('\n');
}
