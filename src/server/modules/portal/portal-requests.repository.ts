import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { requests } from '../requests/requests.tables';

/**
 * The messages sent to a beneficiary, newest first: those about their own requests or file, and the
 * others that went to their phone (sign-in and registration codes, stored masked) — but not those
 * about another person's request or file, since two people of one family may share a phone.
 */
export async function messagesOf(tx: Tx, organizationId: string, beneficiaryId: string, limit: number) {
  const ownRequests = sql`select ${requests.id}::text from ${requests}
    where ${requests.organizationId} = ${organizationId} and ${requests.beneficiaryId} = ${beneficiaryId}`;
  const ownPhone = sql`select ${beneficiaries.phone} from ${beneficiaries}
    where ${beneficiaries.organizationId} = ${organizationId} and ${beneficiaries.id} = ${beneficiaryId}`;
  const m = outboxMessages;
  return tx
    .select({
      id: m.id,
      channel: m.channel,
      body: m.body,
      status: m.status,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })
    .from(m)
    .where(
      and(
        eq(m.organizationId, organizationId),
        sql`(
          (${m.relatedType} = 'request' and ${m.relatedId} in (${ownRequests}))
          or (${m.relatedType} = 'beneficiary' and ${m.relatedId} = ${beneficiaryId})
          or (${m.recipient} = (${ownPhone})
              and coalesce(${m.relatedType}, '') not in ('request', 'beneficiary'))
        )`,
      ),
    )
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(limit);
}
