import { z } from 'zod';
import { normalizeDigits } from '../digits';

/** A string field that accepts Arabic-Indic digits and surrounding spaces. */
export const textSchema = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? normalizeDigits(v).trim() : v), z.string().min(min).max(max));

export const emailSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeDigits(v).trim().toLowerCase() : v),
  z.email().max(254),
);

export const passwordSchema = z.string().min(10).max(200);

export const uuidSchema = z.uuid();

export const idParamsSchema = z.object({ id: z.uuid() });

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export const listQuerySchema = z.object({
  q: z.string().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
