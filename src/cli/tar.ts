import { readSync, writeSync } from 'node:fs';

/**
 * Just enough ustar to hold a backup: regular files with names under 100 bytes, written and read
 * entry by entry through a file descriptor, so a large files directory never sits in memory.
 * `tar -tvf backup.tar` lists it and `tar -xf` unpacks it by hand.
 */
const BLOCK = 512;
const MAX_SIZE = 8 ** 11 - 1; // eleven octal digits

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) >= 100) throw new Error(`tar: name too long: ${name}`);
  if (size > MAX_SIZE) throw new Error(`tar: ${name} is larger than 8 GiB`);
  const h = Buffer.alloc(BLOCK);
  const field = (offset: number, length: number, value: string) => h.write(value, offset, length, 'ascii');
  const octal = (offset: number, length: number, value: number) => field(offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
  h.write(name, 0, 100, 'utf8');
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, Math.floor(mtime.getTime() / 1000));
  field(148, 8, '        '); // checksum counts its own field as spaces
  field(156, 1, '0');
  field(257, 6, 'ustar\0');
  field(263, 2, '00');
  let sum = 0;
  for (const byte of h) sum += byte;
  field(148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

export class TarWriter {
  constructor(private readonly fd: number) {}

  /** One entry from bytes in memory. */
  add(name: string, bytes: Uint8Array, mtime = new Date()): void {
    writeSync(this.fd, header(name, bytes.byteLength, mtime));
    writeSync(this.fd, bytes);
    this.pad(bytes.byteLength);
  }

  /** One entry copied from another open file, a chunk at a time. */
  addFromFd(name: string, source: number, size: number, mtime = new Date()): void {
    writeSync(this.fd, header(name, size, mtime));
    const chunk = Buffer.alloc(1 << 20);
    for (let done = 0; done < size; ) {
      const n = readSync(source, chunk, 0, Math.min(chunk.length, size - done), done);
      if (n === 0) throw new Error(`tar: ${name} ended early`);
      writeSync(this.fd, chunk, 0, n);
      done += n;
    }
    this.pad(size);
  }

  end(): void {
    writeSync(this.fd, Buffer.alloc(BLOCK * 2));
  }

  private pad(size: number): void {
    const rest = size % BLOCK;
    if (rest) writeSync(this.fd, Buffer.alloc(BLOCK - rest));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the file. */
  offset: number;
}

export function isTar(firstBlock: Buffer): boolean {
  return firstBlock.length >= 263 && firstBlock.toString('ascii', 257, 262) === 'ustar';
}

/** The entries of a tar file (regular files only), without reading their contents. */
export function listTar(fd: number): TarEntry[] {
  const entries: TarEntry[] = [];
  const h = Buffer.alloc(BLOCK);
  for (let position = 0; ; ) {
    if (readSync(fd, h, 0, BLOCK, position) < BLOCK || h.every((b) => b === 0)) return entries;
    if (!isTar(h)) throw new Error(`not a tar archive (at byte ${position})`);
    const text = (offset: number, length: number) => h.toString('utf8', offset, offset + length).replace(/\0.*$/s, '');
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const prefix = text(345, 155);
    const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
    const type = text(156, 1);
    if (type === '0' || type === '') entries.push({ name, size, offset: position + BLOCK });
    position += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
}

export function readEntry(fd: number, entry: TarEntry): Buffer<ArrayBuffer> {
  const bytes = Buffer.alloc(entry.size);
  for (let done = 0; done < entry.size; ) {
    const n = readSync(fd, bytes, done, entry.size - done, entry.offset + done);
    if (n === 0) throw new Error(`tar: ${entry.name} is cut short`);
    done += n;
  }
  return bytes;
}
