import { AppError } from '../http/errors';

/** Opaque list cursors: the sort key of the last item, base64url-encoded JSON. */
export function encodeCursor(value: unknown[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const invalidCursor = () => new AppError(400, 'VALIDATION_FAILED', { fields: { cursor: 'invalid cursor' } });

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length) return value;
  } catch {
    // fall through
  }
  throw invalidCursor();
}

/** The largest offset a list cursor may carry: far past any list a person pages through. */
const maxOffset = 10_000_000;

/** For lists ranked by relevance or joined views: the cursor is the offset of the next page. */
export function decodeOffset(cursor: string | undefined): number {
  const [value] = decodeCursor(cursor, 1) ?? [0];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > maxOffset) {
    throw invalidCursor();
  }
  return value;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Exactly what `Date.prototype.toISOString` writes for years 1970–9999. */
const isoInstant = /^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A keyset cursor `[instant, id]` as the lists write it (`toISOString()`, a UUID); anything else — a
 * forged year 0 or +275760, a number, a non-UUID id — is a 400, never a database error.
 */
export function decodeInstantIdCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const value = decodeCursor(cursor, 2);
  if (!value) return null;
  const [at, id] = value;
  if (typeof at !== 'string' || !isoInstant.test(at) || typeof id !== 'string' || !uuidPattern.test(id)) {
    throw invalidCursor();
  }
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== at) throw invalidCursor();
  return { at: instant, id };
}

/** A keyset cursor `[text, id]` (e.g. a name and a UUID). */
export function decodeTextIdCursor(cursor: string | undefined): [string, string] | null {
  const value = decodeCursor(cursor, 2);
  if (!value) return null;
  const [text, id] = value;
  if (typeof text !== 'string' || text.length > 1000 || typeof id !== 'string' || !uuidPattern.test(id)) {
    throw invalidCursor();
  }
  return [text, id];
}

/** A keyset cursor of one positive integer id (bigserial). */
export function decodeIntegerCursor(cursor: string | undefined): number | null {
  const value = decodeCursor(cursor, 1);
  if (!value) return null;
  const [id] = value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalidCursor();
  return id;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
