import { z } from 'zod';
import { gregorianDateSchema } from '../dates-hijri';

/**
 * Reports (issue 14, item 7). The dashboard exports take the overview's own query
 * (`dashboardQuerySchema`, contracts/dashboards.ts): `GET /api/v1/dashboards/overview/export.xlsx` and
 * `…/export.pdf`. The governance evidence pack is one PDF of a period (inclusive local dates; the
 * dashboard's default period when absent): `GET /api/v1/reports/governance-pack.pdf?from&to`.
 */
export const governancePackQuerySchema = z.object({
  from: gregorianDateSchema.optional(),
  to: gregorianDateSchema.optional(),
});
export type GovernancePackQuery = z.infer<typeof governancePackQuerySchema>;
