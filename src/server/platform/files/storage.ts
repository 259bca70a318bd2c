import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live (documents, signatures, photos). The default keeps them on local disk
 * under DATA_DIR/files; a multi-node deployment plugs in S3-compatible storage behind the same
 * interface. Keys are opaque and never derived from user input.
 */
export interface FileStorage {
  put(prefix: string, data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export function createLocalStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    if (!/^[a-z0-9-]+\/[0-9a-f-]{36}$/.test(key)) throw new Error('invalid storage key');
    return path.join(root, key);
  };
  return {
    async put(prefix, data) {
      if (!/^[a-z0-9-]+$/.test(prefix)) throw new Error('invalid storage prefix');
      const key = `${prefix}/${randomUUID()}`;
      const file = resolve(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, data, { mode: 0o600 });
      return key;
    },
    get: (key) => fs.readFile(resolve(key)),
    async delete(key) {
      await fs.rm(resolve(key), { force: true });
    },
  };
}

export type AllowedFileType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';

/** The type of a file from its first bytes (its content), never from its name or the client's claim. */
export function detectFileType(data: Buffer): AllowedFileType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  // RIFF container of a WebP image (what some phones save photos and screenshots as).
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return null;
}
