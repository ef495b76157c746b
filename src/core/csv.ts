/** CSV (RFC 4180) both ways: exports for spreadsheets and imports from NetBox. */

/** One cell: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let s = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: header then rows, CRLF, with a BOM so Excel reads the Chinese as UTF-8. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/** Records of a CSV text, each with the line it starts on (1 = the header). Quotes may span lines. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const src = text.replace(/^\uFEFF/, '');
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      any = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (any || cell !== '') out.push({ line: start, cells });
      cells = [];
      cell = '';
      any = false;
      line += 1;
      start = line;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || cell !== '') {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out;
}

/** Header-keyed records; cells beyond the header are an error the caller reports. */
export function csvObjects(text: string): { header: string[]; rows: { line: number; values: Record<string, string>; extra: boolean }[] } {
  const [head, ...body] = parseCsv(text);
  if (!head) return { header: [], rows: [] };
  const header = head.cells.map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: body.map((r) => ({ line: r.line, extra: r.cells.length > header.length, values: Object.fromEntries(header.map((h, i) => [h, (r.cells[i] ?? '').trim()])) })),
  };
}
