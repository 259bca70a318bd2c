import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database';
import { lockForChange } from '../../platform/db/tenant';
import { users } from '../../platform/identity/users.tables';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { inquiries } from './inquiries.tables';

export type InquiryRow = typeof inquiries.$inferSelect;

/** The next number of the association's inquiries (Q-000001), one after the other under a lock. */
export async function nextInquiryNumber(tx: Tx, organizationId: string) {
  await lockForChange(tx, 'inquiry-number', organizationId);
  const [row] = await tx
    .select({ seq: sql<number>`coalesce(max(${inquiries.seq}), 0)::int + 1` })
    .from(inquiries)
    .where(eq(inquiries.organizationId, organizationId));
  const seq = row!.seq;
  return { seq, number: `Q-${String(seq).padStart(6, '0')}` };
}

export async function insertInquiry(tx: Tx, values: typeof inquiries.$inferInsert) {
  const [row] = await tx.insert(inquiries).values(values).returning();
  return row!;
}

export async function lockInquiry(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(inquiries)
    .where(and(eq(inquiries.organizationId, organizationId), eq(inquiries.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateInquiry(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof inquiries.$inferInsert>,
) {
  await tx
    .update(inquiries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(inquiries.organizationId, organizationId), eq(inquiries.id, id)));
}

const assignee = alias(users, 'assignee');
const answerer = alias(users, 'answerer');
const creator = alias(users, 'creator');

/** An inquiry with the names it shows: the beneficiary, the assignee, who answered, and the answer's message. */
function selectInquiryViews(tx: Tx) {
  return tx
    .select({
      inquiry: inquiries,
      beneficiary: {
        id: beneficiaries.id,
        fullNameAr: beneficiaries.fullNameAr,
        fileNumber: beneficiaries.fileNumber,
      },
      assignee: { id: assignee.id, fullName: assignee.fullName },
      answeredBy: answerer.fullName,
      createdBy: creator.fullName,
      message: {
        id: outboxMessages.id,
        channel: outboxMessages.channel,
        status: outboxMessages.status,
        sentAt: outboxMessages.sentAt,
      },
    })
    .from(inquiries)
    .leftJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, inquiries.organizationId),
        eq(beneficiaries.id, inquiries.beneficiaryId),
      ),
    )
    .leftJoin(
      assignee,
      and(eq(assignee.organizationId, inquiries.organizationId), eq(assignee.id, inquiries.assigneeId)),
    )
    .leftJoin(
      answerer,
      and(eq(answerer.organizationId, inquiries.organizationId), eq(answerer.id, inquiries.answeredBy)),
    )
    .leftJoin(
      creator,
      and(eq(creator.organizationId, inquiries.organizationId), eq(creator.id, inquiries.createdBy)),
    )
    .leftJoin(
      outboxMessages,
      and(
        eq(outboxMessages.organizationId, inquiries.organizationId),
        eq(outboxMessages.id, inquiries.answerMessageId),
      ),
    );
}

export type InquiryView = Awaited<ReturnType<ReturnType<typeof selectInquiryViews>['execute']>>[number];

export async function findInquiryView(tx: Tx, organizationId: string, id: string) {
  const [row] = await selectInquiryViews(tx).where(
    and(eq(inquiries.organizationId, organizationId), eq(inquiries.id, id)),
  );
  return row ?? null;
}

export interface InquiryFilters {
  status?: 'open' | 'answered';
  overdue?: boolean;
  q?: string;
  now: Date;
}

function filterSql(organizationId: string, f: InquiryFilters): SQL {
  const parts: SQL[] = [sql`${inquiries.organizationId} = ${organizationId}`];
  if (f.status) parts.push(sql`${inquiries.status} = ${f.status}`);
  if (f.overdue === true) parts.push(sql`${inquiries.status} = 'open' and ${inquiries.dueAt} < ${f.now}`);
  if (f.overdue === false)
    parts.push(sql`not (${inquiries.status} = 'open' and ${inquiries.dueAt} < ${f.now})`);
  const q = f.q?.trim();
  if (q) {
    // The number as typed, or the question, the caller's name or the beneficiary's name, each through the
    // Arabic normaliser (hamza forms, ta marbuta, alif maqsura).
    parts.push(sql`(${inquiries.number} ilike ${q}
      or strpos(wasl_normalize_name(${inquiries.question} || ' ' || coalesce(${inquiries.contactName}, '')
           || ' ' || coalesce(${beneficiaries.fullNameAr}, '')), wasl_normalize_name(${q})) > 0)`);
  }
  return sql.join(parts, sql` and `);
}

/** One page, newest first (open and answered alike); `offset` from the cursor. */
export async function listInquiryViews(
  tx: Tx,
  organizationId: string,
  f: InquiryFilters,
  limit: number,
  offset: number,
) {
  const where = filterSql(organizationId, f);
  const rows = await selectInquiryViews(tx)
    .where(where)
    .orderBy(desc(inquiries.createdAt), desc(inquiries.id))
    .limit(limit)
    .offset(offset);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(inquiries)
    .leftJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, inquiries.organizationId),
        eq(beneficiaries.id, inquiries.beneficiaryId),
      ),
    )
    .where(where);
  return { rows, total: count!.n };
}
