// The beneficiary's whole story in one list (issue 12): the file's own records, every request and its
// transitions, referrals and their answers, verification work, deliveries, decision letters, messages
// with their true status, partner referrals, inquiries, complaints and contacts. Read here in one query
// (a repository may read other modules' tables), newest first, optionally only some kinds.
import { type SQL, sql } from 'drizzle-orm';
import type { TimelineKind } from '../../../shared/contracts/beneficiaries';
import type { Tx } from '../../platform/db/database';

export type TimelineRow = {
  id: string;
  kind: TimelineKind;
  at: Date;
  actorName: string | null;
  channel: string | null;
  summary: string;
  details: Record<string, unknown>;
};

/** Who reads: complaints show only to those who may read complaints, never to the staff member one is about. */
export interface TimelineViewer {
  userId: string | null;
  readsComplaints: boolean;
}

type Source = {
  kinds: readonly TimelineKind[];
  select: (org: string, ben: string, viewer: TimelineViewer) => SQL;
  /** Left out for a viewer it is not for. */
  shownTo?: (viewer: TimelineViewer) => boolean;
};

// The beneficiary's requests, for the sources that hang off a request.
const ownRequests = (org: string, ben: string) =>
  sql`select r.id, r.number, r.organization_id from requests r where r.organization_id = ${org} and r.beneficiary_id = ${ben}`;

const userName = (alias: string, column: string) =>
  sql.raw(
    `(select u.full_name from users u where u.organization_id = ${alias}.organization_id and u.id = ${alias}.${column})`,
  );

const sources: Source[] = [
  {
    kinds: ['interaction'],
    select: (org, ben) => sql`
      select 'i-' || i.id, 'interaction', i.occurred_at, ${userName('i', 'staff_id')}, i.channel, i.kind,
             jsonb_build_object('kind', i.kind, 'text', i.summary, 'outcome', i.outcome,
                                'durationMinutes', i.duration_minutes)
        from interactions i where i.organization_id = ${org} and i.beneficiary_id = ${ben}`,
  },
  {
    kinds: ['document'],
    select: (org, ben) => sql`
      select 'd-' || d.id, 'document', d.uploaded_at, ${userName('d', 'uploaded_by')}, null, d.type,
             jsonb_build_object('type', d.type, 'expiryDate', d.expiry_date, 'fileName', d.file_name)
        from beneficiary_documents d where d.organization_id = ${org} and d.beneficiary_id = ${ben}`,
  },
  {
    kinds: ['declaration'],
    select: (org, ben) => sql`
      select 's-' || s.id, 'declaration', s.signed_at, ${userName('s', 'witnessed_by')}, s.channel, s.method,
             jsonb_build_object('textVersion', s.text_version, 'method', s.method)
        from declarations s where s.organization_id = ${org} and s.beneficiary_id = ${ben}`,
  },
  {
    kinds: ['consent'],
    select: (org, ben) => sql`
      select 'c-' || c.id, 'consent', c.recorded_at, ${userName('c', 'recorded_by')}, c.channel, c.purpose,
             jsonb_build_object('purpose', c.purpose, 'granted', c.granted)
        from consents c where c.organization_id = ${org} and c.beneficiary_id = ${ben}`,
  },
  {
    kinds: ['created', 'status', 'household', 'updated'],
    select: (org, ben) => sql`
      select 'a-' || a.id, case
               when a.action = 'beneficiaries.create' then 'created'
               when a.action = 'beneficiaries.change_status' then 'status'
               when a.action like 'beneficiaries.household.%' then 'household'
               else 'updated' end,
             a.occurred_at, a.actor_name, null, a.action, a.details
        from audit_events a
       where a.organization_id = ${org} and a.entity_type = 'beneficiary' and a.entity_id = ${ben}
         and a.outcome = 'success'
         and a.action in ('beneficiaries.create', 'beneficiaries.update', 'beneficiaries.change_status',
                          'beneficiaries.household.add', 'beneficiaries.household.remove', 'beneficiaries.merge',
                          'beneficiaries.legal_hold')`,
  },
  {
    kinds: ['request'],
    select: (org, ben) => sql`
      select 'r-' || r.id, 'request', r.created_at, ${userName('r', 'created_by')}, r.channel, s.name_ar,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'service', s.name_ar,
                                'serviceEn', s.name_en, 'status', r.status)
        from requests r join services s on s.organization_id = r.organization_id and s.id = r.service_id
       where r.organization_id = ${org} and r.beneficiary_id = ${ben}`,
  },
  {
    // Every change of a request's state; a referral is its own entry below.
    kinds: ['transition'],
    select: (org, ben) => sql`
      select 't-' || h.id, 'transition', h.at, h.actor_name, null, h.action,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'action', h.action,
                                'from', h.from_status, 'to', h.to_status, 'note', h.note)
        from request_history h join (${ownRequests(org, ben)}) r on r.organization_id = h.organization_id and r.id = h.request_id
       where h.organization_id = ${org} and h.action <> 'refer' and h.from_status is distinct from h.to_status`,
  },
  {
    kinds: ['referral'],
    select: (org, ben) => sql`
      select 'f-' || f.id, 'referral', f.created_at, ${userName('f', 'created_by')}, null, f.reason,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'assignee', ${userName('f', 'assignee_id')},
                                'dueAt', f.due_at, 'answered', f.answered_at is not null)
        from referrals f join (${ownRequests(org, ben)}) r on r.organization_id = f.organization_id and r.id = f.request_id
       where f.organization_id = ${org}`,
  },
  {
    kinds: ['referral_answer'],
    select: (org, ben) => sql`
      select 'fa-' || f.id, 'referral_answer', f.answered_at, ${userName('f', 'assignee_id')}, null, f.answer,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'question', f.reason)
        from referrals f join (${ownRequests(org, ben)}) r on r.organization_id = f.organization_id and r.id = f.request_id
       where f.organization_id = ${org} and f.answered_at is not null`,
  },
  {
    kinds: ['verification'],
    select: (org, ben) => sql`
      select 'v-' || v.id, 'verification', v.completed_at, ${userName('v', 'completed_by')}, null, v.mechanism,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'mechanism', v.mechanism,
                                'recommendation', v.recommendation, 'location', v.location)
        from verification_tasks v join (${ownRequests(org, ben)}) r on r.organization_id = v.organization_id and r.id = v.request_id
       where v.organization_id = ${org} and v.status = 'done' and v.completed_at is not null`,
  },
  {
    kinds: ['delivery'],
    select: (org, ben) => sql`
      select 'y-' || y.id, 'delivery', y.created_at, ${userName('y', 'delivered_by')}, null, y.description,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'deliveredOn', y.delivered_on,
                                'quantity', y.quantity, 'amount', y.amount)
        from deliveries y join (${ownRequests(org, ben)}) r on r.organization_id = y.organization_id and r.id = y.request_id
       where y.organization_id = ${org}`,
  },
  {
    kinds: ['letter'],
    select: (org, ben) => sql`
      select 'l-' || l.id, 'letter', l.created_at, null, null, l.decision,
             jsonb_build_object('requestId', r.id, 'number', r.number, 'decision', l.decision)
        from decision_letters l join (${ownRequests(org, ben)}) r on r.organization_id = l.organization_id and r.id = l.request_id
       where l.organization_id = ${org}`,
  },
  {
    // Messages written to this person (named on the row, or by the request or file they were about);
    // their status is the outbox's own, so a recorded message never reads as sent.
    kinds: ['message'],
    select: (org, ben) => sql`
      select 'm-' || m.id, 'message', m.created_at, null, m.channel, m.body,
             jsonb_build_object('status', m.status, 'channel', m.channel, 'subject', m.subject,
                                'relatedType', m.related_type, 'sentAt', m.sent_at)
        from outbox_messages m
       where m.organization_id = ${org}
         and (m.beneficiary_id = ${ben}
              or (m.related_type = 'beneficiary' and m.related_id = ${ben}::text)
              or (m.related_type = 'request' and m.related_id in (select r.id::text from (${ownRequests(org, ben)}) r)))`,
  },
  {
    kinds: ['inquiry'],
    select: (org, ben) => sql`
      select 'q-' || q.id, 'inquiry', q.created_at, ${userName('q', 'created_by')}, q.channel, q.question,
             jsonb_build_object('inquiryId', q.id, 'number', q.number, 'status', q.status, 'answer', q.answer,
                                'answeredAt', q.answered_at)
        from inquiries q where q.organization_id = ${org} and q.beneficiary_id = ${ben}`,
  },
  {
    // A complaint or suggestion the person made: its text and where it stands (not who it is about).
    kinds: ['complaint'],
    shownTo: (viewer) => viewer.readsComplaints,
    select: (org, ben, viewer) => sql`
      select 'k-' || k.id, 'complaint', k.created_at, ${userName('k', 'created_by')}, k.source, k.text,
             jsonb_build_object('complaintId', k.id, 'kind', k.kind, 'trackingNumber', k.tracking_number,
                                'status', k.status, 'reply', k.reply)
        from complaints k
       where k.organization_id = ${org} and k.beneficiary_id = ${ben}
         and (k.about_staff_id is null or k.about_staff_id is distinct from ${viewer.userId}::uuid)`,
  },
  {
    kinds: ['appointment'],
    select: (org, ben) => sql`
      select 'ap-' || p.id, 'appointment', p.starts_at, ${userName('p', 'created_by')}, null, p.status,
             jsonb_build_object('status', p.status, 'purpose', p.purpose, 'endsAt', p.ends_at)
        from appointments p where p.organization_id = ${org} and p.beneficiary_id = ${ben}`,
  },
  {
    kinds: ['partner_referral'],
    select: (org, ben) => sql`
      select 'p-' || p.id, 'partner_referral', p.created_at, ${userName('p', 'created_by')}, null, pa.name_ar,
             jsonb_build_object('partner', pa.name_ar, 'reason', p.reason, 'sharedFields', p.shared_fields,
                                'status', p.status)
        from partner_referrals p join partners pa on pa.organization_id = p.organization_id and pa.id = p.partner_id
       where p.organization_id = ${org} and p.beneficiary_id = ${ben}`,
  },
];

/** Everything that happened to one beneficiary, newest first; `kinds` keeps only those kinds. */
export async function timelineOf(
  tx: Tx,
  organizationId: string,
  beneficiaryId: string,
  viewer: TimelineViewer,
  options: { kinds?: readonly TimelineKind[]; limit?: number } = {},
) {
  const wanted = options.kinds?.length ? new Set(options.kinds) : null;
  const chosen = sources.filter(
    (s) => (!wanted || s.kinds.some((k) => wanted.has(k))) && (s.shownTo?.(viewer) ?? true),
  );
  if (chosen.length === 0) return [];
  const union = sql.join(
    chosen.map((s) => s.select(organizationId, beneficiaryId, viewer)),
    sql` union all `,
  );
  const kindFilter = wanted
    ? sql`where kind in (${sql.join(
        [...wanted].map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const result = await tx.execute<TimelineRow>(sql`
    select * from (
      select * from (${union}) as u(id, kind, at, "actorName", channel, summary, details)
    ) t ${kindFilter} order by at desc, id desc limit ${options.limit ?? 300}`);
  return result.rows;
}
