import { describe, expect, it } from 'vitest';
import { csvCell, csvObjects, parseCsv, toCsv } from './csv.js';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1', "'-1"],
    [null, ''],
  ])('cell %j → %s', (v, out) => expect(csvCell(v)).toBe(out));

  it('round-trips quotes, commas, newlines and Chinese, reporting the line each record starts on', () => {
    const rows = [
      ['北京一号机房', 'a,b', 'two\nlines'],
      ['x', '"q"', ''],
    ];
    const text = toCsv(['name', 'b', 'c'], rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.map((r) => r.cells)).toEqual([['name', 'b', 'c'], ...rows]);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('keys records by the lower-cased header and skips blank lines', () => {
    const { header, rows } = csvObjects('Name,Slug\n\nA,a\nB,b,extra\n');
    expect(header).toEqual(['name', 'slug']);
    expect(rows).toEqual([
      { line: 3, values: { name: 'A', slug: 'a' }, extra: false },
      { line: 4, values: { name: 'B', slug: 'b' }, extra: true },
    ]);
  });
});
