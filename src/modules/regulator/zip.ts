/**
 * The export's zip (issue 22 §2), written as its files are encoded: each file's text goes, a slice at a
 * time, through its own deflate stream (node's zlib, on the thread pool, so the files compress while the
 * next slice is encoded and beside each other), its SHA-256 and CRC-32 taken on the way; only the compressed
 * bytes are kept. A plain zip (no ZIP64: a file or the archive over 4 GiB is refused), deflate level 1 (the
 * files are text and large), every entry dated 2020-01-01 so the same files give the same archive.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

export interface ZipListing {
  name: string;
  /** SHA-256 of the uncompressed file */
  sha256: string;
  /** uncompressed size */
  bytes: number;
}

/** One file being written into the zip: text (UTF-8) or bytes, in order, then end. */
export interface ZipEntryWriter {
  write(data: string | Uint8Array): Promise<void> | void;
  end(): Promise<ZipListing>;
}

interface Entry {
  name: string;
  crc: number;
  size: number;
  compressed: Buffer[];
  compressedSize: number;
  sha256: string;
  done: boolean;
}

const LEVEL = 1;
const MAX = 0xffffffff;
// 2020-01-01 00:00 as an MS-DOS date and time
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function makeZipWriter() {
  const entries: Entry[] = [];
  return {
    /** A new file, placed in the archive in the order the files were begun (not finished). */
    entry(name: string): ZipEntryWriter {
      const e: Entry = { name, crc: 0, size: 0, compressed: [], compressedSize: 0, sha256: '', done: false };
      entries.push(e);
      const hash = createHash('sha256');
      // a deep write buffer (the stream options zlib passes on; its types omit them): the encoder hands over a
      // slice and goes on with the next while this one compresses, waiting only when 8 MiB are queued
      const deflate = createDeflateRaw({ level: LEVEL, chunkSize: 64 * 1024, ...{ writableHighWaterMark: 8 * 1024 * 1024 } });
      deflate.on('data', (c: Buffer) => {
        e.compressed.push(c);
        e.compressedSize += c.length;
      });
      const finished = new Promise<void>((resolve, reject) => {
        deflate.once('end', resolve);
        deflate.once('error', reject);
      });
      // an error before end() is awaited would otherwise be unhandled; end() still reports it
      finished.catch(() => undefined);
      return {
        write(data) {
          const b = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
          if (b.length === 0) return;
          hash.update(b);
          e.crc = crc32(b, e.crc);
          e.size += b.length;
          if (e.size > MAX) throw new Error(`zip entry ${name} over 4 GiB`);
          if (!deflate.write(b)) return once(deflate, 'drain').then(() => undefined);
        },
        async end() {
          deflate.end();
          await finished;
          e.sha256 = hash.digest('hex');
          e.done = true;
          return { name, sha256: e.sha256, bytes: e.size };
        },
      };
    },
    /** A whole file at once. */
    async add(name: string, data: string | Uint8Array): Promise<ZipListing> {
      const w = this.entry(name);
      await w.write(data);
      return w.end();
    },
    /** Writes the archive to `path` (every entry ended); returns its SHA-256 and size. */
    async finish(path: string): Promise<{ sha256: string; bytes: number }> {
      const parts: Buffer[] = [];
      const central: Buffer[] = [];
      let offset = 0;
      for (const e of entries) {
        if (!e.done) throw new Error(`zip entry ${e.name} not ended`);
        const name = Buffer.from(e.name, 'utf8');
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0);
        local.writeUInt16LE(20, 4); // version needed
        local.writeUInt16LE(name.length !== e.name.length ? 0x0800 : 0, 6); // UTF-8 name flag
        local.writeUInt16LE(8, 8); // deflate
        local.writeUInt16LE(DOS_TIME, 10);
        local.writeUInt16LE(DOS_DATE, 12);
        local.writeUInt32LE(e.crc >>> 0, 14);
        local.writeUInt32LE(e.compressedSize, 18);
        local.writeUInt32LE(e.size, 22);
        local.writeUInt16LE(name.length, 26);
        local.writeUInt16LE(0, 28);
        const cd = Buffer.alloc(46);
        cd.writeUInt32LE(0x02014b50, 0);
        cd.writeUInt16LE(20, 4); // version made by
        cd.writeUInt16LE(20, 6); // version needed
        local.copy(cd, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
        cd.writeUInt16LE(0, 30); // extra
        cd.writeUInt16LE(0, 32); // comment
        cd.writeUInt16LE(0, 34); // disk
        cd.writeUInt16LE(0, 36); // internal attributes
        cd.writeUInt32LE(0, 38); // external attributes
        cd.writeUInt32LE(offset, 42);
        central.push(cd, name);
        parts.push(local, name, ...e.compressed);
        offset += 30 + name.length + e.compressedSize;
        if (offset > MAX) throw new Error('zip archive over 4 GiB');
      }
      const cdSize = central.reduce((n, b) => n + b.length, 0);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(entries.length, 8);
      end.writeUInt16LE(entries.length, 10);
      end.writeUInt32LE(cdSize, 12);
      end.writeUInt32LE(offset, 16);
      parts.push(...central, end);
      const hash = createHash('sha256');
      for (const p of parts) hash.update(p);
      await writeFile(path, parts);
      return { sha256: hash.digest('hex'), bytes: offset + cdSize + 22 };
    },
  };
}
export type ZipWriter = ReturnType<typeof makeZipWriter>;
