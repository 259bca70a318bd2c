import { AppError } from '../http/errors';

/** Opaque list cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length) return value;
  } catch {
    // fall through
  }
  throw new AppError(400, 'VALIDATION_FAILED', { fields: { cursor: 'invalid cursor' } });
}

/** For lists ranked by relevance or joined views: the cursor is the offset of the next page. */
export function decodeOffset(cursor: string | undefined): number {
  return Number((decodeCursor(cursor, 1) ?? [0])[0]) || 0;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
