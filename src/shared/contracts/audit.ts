import { z } from 'zod';
import { listQuerySchema, pageSchema } from './common';

export const auditOutcomes = ['success', 'denied', 'failure'] as const;

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const listAuditQuerySchema = listQuerySchema.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  outcome: z.enum(auditOutcomes).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;

export const auditPageSchema = pageSchema(auditEventSchema);
