import { z } from 'zod';
import { limitSchema } from './common';
import { improvementSources, improvementStatuses } from './surveys';

// The improvement actions' list (the action itself, its changes and «قلتم، فعلنا» are in ./surveys).
export const improvementListQuerySchema = z.object({
  status: z.enum(improvementStatuses).optional(),
  source: z.enum(improvementSources).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ImprovementListQuery = z.infer<typeof improvementListQuerySchema>;

/** Public pages show at most this many «قلتم، فعلنا», newest first. */
export const youSaidWeDidLimit = 50;
