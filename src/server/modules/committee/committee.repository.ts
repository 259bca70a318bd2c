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
  id: string,
  values: Partial<typeof committeeSessions.$inferInsert>,
) {
  await tx.update(committeeSessions).set(values).where(eq(committeeSessions.id, id));
}

export const listAgenda = (tx: Tx, sessionId: string) =>
  tx
    .select()
    .from(committeeAgenda)
    .where(eq(committeeAgenda.sessionId, sessionId))
    .orderBy(asc(committeeAgenda.id));

export async function insertAgendaItem(tx: Tx, values: typeof committeeAgenda.$inferInsert) {
  await tx.insert(committeeAgenda).values(values).onConflictDoNothing();
}

export async function findAgendaItem(tx: Tx, sessionId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(committeeAgenda)
    .where(and(eq(committeeAgenda.sessionId, sessionId), eq(committeeAgenda.requestId, requestId)));
  return row ?? null;
}

export async function recordOutcome(
  tx: Tx,
  id: string,
  outcome: 'approved' | 'rejected' | 'deferred',
  summary: string,
) {
  await tx
    .update(committeeAgenda)
    .set({ outcome, summary, decidedAt: new Date() })
    .where(eq(committeeAgenda.id, id));
}

export const listVotes = (tx: Tx, sessionId: string) =>
  tx
    .select()
    .from(committeeVotes)
    .where(eq(committeeVotes.sessionId, sessionId))
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
