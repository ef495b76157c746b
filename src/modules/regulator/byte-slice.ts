/**
 * UTF-8 written straight into a growing buffer (the export's slices, with no string per row or per slice to flatten
 * and convert; occupied space's range lists): ASCII text copied a character at a time, anything else by node's
 * encoder (the same bytes Buffer.from gives).
 */
export class ByteSlice {
  buf: Buffer;
  off = 0;
  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }
  room(n: number): void {
    if (this.off + n <= this.buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.off + n));
    this.buf.copy(grown, 0, 0, this.off);
    this.buf = grown;
  }
  text(s: string): void {
    const n = s.length;
    this.room(n * 3);
    const b = this.buf;
    const start = this.off;
    let o = start;
    for (let i = 0; i < n; i += 1) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.off = start + b.write(s, start, 'utf8');
        return;
      }
      b[o++] = c;
    }
    this.off = o;
  }
  bytes(u: Uint8Array): void {
    this.room(u.length);
    const b = this.buf;
    let o = this.off;
    for (let i = 0; i < u.length; i += 1) b[o++] = u[i];
    this.off = o;
  }
  /** The bytes so far (handed over, never written again), the slice emptied; the next one sized like this one. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.off);
    this.buf = Buffer.allocUnsafe(Math.max(this.size, this.off + (this.off >> 3)));
    this.off = 0;
    return out;
  }
}
