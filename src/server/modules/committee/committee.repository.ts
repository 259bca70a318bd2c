import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { committeeAgenda, committeeSessions, committeeVotes } from './committee.tables';

export type SessionRow = typeof committeeSessions.$inferSelect;
export type AgendaRow = typeof committeeAgenda.$inferSelect;
export type VoteRow = typeof committeeVotes.$inferSelect;

export async function insertSession(tx: Tx, values: typeof committeeSessions.$inferInsert) {
  const [row] = await tx.insert(committeeSessions).values(values).returning();
  return row!;
}

export async function findSession(tx: Tx, organizationId: string, id: string, lock = false) {
  const q = tx
    .select()
    .from(committeeSessions)
    .where(and(eq(committeeSessions.organizationId, organizationId), eq(committeeSessions.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export const listSessions = (tx: Tx, organizationId: string) =>
  tx
    .select()
    .from(committeeSessions)
    .where(eq(committeeSessions.organizationId, organizationId))
    .orderBy(desc(committeeSessions.scheduledFor))
    .limit(100);

export async function updateSession(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof committeeSessions.$inferInsert>,
) {
  await tx
    .update(committeeSessions)
    .set(values)
    .where(and(eq(committeeSessions.organizationId, organizationId), eq(committeeSessions.id, id)));
}

export const listAgenda = (tx: Tx, organizationId: string, sessionId: string) =>
  tx
    .select()
    .from(committeeAgenda)
    .where(and(eq(committeeAgenda.organizationId, organizationId), eq(committeeAgenda.sessionId, sessionId)))
    .orderBy(asc(committeeAgenda.id));

export async function insertAgendaItem(tx: Tx, values: typeof committeeAgenda.$inferInsert) {
  await tx.insert(committeeAgenda).values(values).onConflictDoNothing();
}

export async function findAgendaItem(
  tx: Tx,
  organizationId: string,
  sessionId: string,
  requestId: string,
  lock = false,
) {
  const q = tx
    .select()
    .from(committeeAgenda)
    .where(
      and(
        eq(committeeAgenda.organizationId, organizationId),
        eq(committeeAgenda.sessionId, sessionId),
        eq(committeeAgenda.requestId, requestId),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function recordOutcome(
  tx: Tx,
  organizationId: string,
  id: string,
  values: { outcome: 'approved' | 'rejected' | 'deferred'; summary: string; decidedAt: Date },
) {
  await tx
    .update(committeeAgenda)
    .set(values)
    .where(and(eq(committeeAgenda.organizationId, organizationId), eq(committeeAgenda.id, id)));
}

/** The session's votes, or only those on one request. */
export const listVotes = (tx: Tx, organizationId: string, sessionId: string, requestId?: string) =>
  tx
    .select()
    .from(committeeVotes)
    .where(
      and(
        eq(committeeVotes.organizationId, organizationId),
        eq(committeeVotes.sessionId, sessionId),
        requestId ? eq(committeeVotes.requestId, requestId) : undefined,
      ),
    )
    .orderBy(asc(committeeVotes.createdAt));

export async function upsertVote(tx: Tx, values: typeof committeeVotes.$inferInsert) {
  await tx
    .insert(committeeVotes)
    .values(values)
    .onConflictDoUpdate({
      target: [committeeVotes.sessionId, committeeVotes.requestId, committeeVotes.memberId],
      set: { vote: values.vote, reason: values.reason, createdAt: new Date() },
    });
}
