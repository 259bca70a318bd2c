import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Append-only (a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE). Keyed by id alone, not
// (organization_id, id): a failed sign-in with an unknown e-mail belongs to no association, so
// organization_id is nullable and cannot be in a primary key. Nothing references this table.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: uuid('organization_id'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles').array().notNull().default(sql`'{}'`),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    outcome: text('outcome', { enum: ['success', 'denied', 'failure'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_org_id_idx').on(t.organizationId, t.id),
    index('audit_org_entity_idx').on(t.organizationId, t.entityType, t.entityId),
  ],
);
