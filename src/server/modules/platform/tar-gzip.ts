import { pipeline, Readable } from 'node:stream';
import { createGzip, type Gzip } from 'node:zlib';

/**
 * A .tar.gz written as it goes (POSIX ustar): one entry after another, each a 512-byte header, the
 * bytes, and padding to 512. Enough for an export's JSON and document files; names stay under 100 bytes.
 */
export interface TarEntry {
  name: string;
  data: Buffer;
}

const block = 512;

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const buf = Buffer.alloc(block);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  buf.write(name, 0, 100, 'utf8');
  buf.write(octal(0o644, 8), 100, 'ascii');
  buf.write(octal(0, 8), 108, 'ascii');
  buf.write(octal(0, 8), 116, 'ascii');
  buf.write(octal(size, 12), 124, 'ascii');
  buf.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  buf.write('        ', 148, 'ascii'); // the checksum counts its own field as spaces
  buf.write('0', 156, 'ascii');
  buf.write('ustar\0', 257, 'ascii');
  buf.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of buf) sum += byte;
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return buf;
}

/** Streams the entries (produced lazily, so files are read one at a time) as a gzip'd tar. */
export function tarGzip(entries: AsyncIterable<TarEntry>, mtime: Date): Gzip {
  async function* chunks() {
    for await (const entry of entries) {
      yield header(entry.name, entry.data.length, mtime);
      yield entry.data;
      const pad = (block - (entry.data.length % block)) % block;
      if (pad) yield Buffer.alloc(pad);
    }
    yield Buffer.alloc(block * 2); // end of archive
  }
  // pipeline, not pipe: a failure while reading ends the download with an error, not a hang.
  return pipeline(Readable.from(chunks()), createGzip(), () => {});
}
