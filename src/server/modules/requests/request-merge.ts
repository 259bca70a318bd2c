// A merge of two records of one person (the beneficiaries module decides it, in its transaction)
// moves the merged record's requests to the kept record. All else that belongs to a request —
// history, deliveries, decision letters, referrals, verification tasks and photos, the research
// report, committee agenda items and votes, fraud-signal dismissals — references the request, so it
// moves with it. No status changes (only transitions change a status); each history records the move.
import type { Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { concurrentActiveRequests, insertHistory, reassignRequests } from './requests.repository';

/** A beneficiary record taking part in a merge, as its requests' history names it. */
export interface MergedRecord {
  id: string;
  fileNumber: string;
}

/**
 * Returns the moved requests, and the services on which the kept record now has several active
 * requests: both stay (staff withdraw or decide one through its transitions), and each one's
 * evaluation counts the other as an active request of the service.
 */
export async function moveRequestsOnMerge(tx: Tx, ctx: ActorContext, from: MergedRecord, to: MergedRecord) {
  const moved = await reassignRequests(tx, ctx.actor.organizationId, from.id, to.id);
  for (const r of moved) {
    await insertHistory(tx, {
      organizationId: r.organizationId,
      requestId: r.id,
      fromStatus: r.status,
      toStatus: r.status,
      action: 'merge',
      actorId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      note: `${from.fileNumber} → ${to.fileNumber}`,
    });
  }
  const concurrent = await concurrentActiveRequests(tx, ctx.actor.organizationId, to.id);
  return { moved: moved.map((r) => r.id), concurrent };
}
