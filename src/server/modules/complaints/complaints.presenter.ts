import { randomBytes } from 'node:crypto';
import { endOfWorkingDaysAfter, workCalendarOf } from '../../../shared/calendar';
import {
  awaitingAnswer,
  type Complaint,
  type ComplaintKind,
  type ComplaintStatus,
  defaultComplaintSettings,
  type PortalComplaintItem,
  type PublicComplaintStatus,
} from '../../../shared/contracts/complaints';
import type { Organization } from '../../../shared/contracts/organization';
import type { ComplaintLine, ComplaintRow } from './complaints.repository';

// Crockford's base32: no I, L, O or U, so a number read out on the phone is not misheard.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `C-` and ten random Crockford characters (50 bits): not sequential, not guessable. */
export function newTrackingNumber(): string {
  const bytes = randomBytes(10);
  let out = '';
  for (const byte of bytes) out += crockford[byte & 31];
  return `C-${out}`;
}

/** The association's complaint settings (settings saved before they existed get the defaults). */
export function complaintSettingsOf(org: Organization) {
  return org.settings.complaints ?? defaultComplaintSettings();
}

/** The end of the n-th working day after today, on the association's calendar (kind's response days). */
export function dueAtFor(org: Organization, kind: ComplaintKind, now: Date): Date {
  const days = complaintSettingsOf(org).responseDays[kind];
  return endOfWorkingDaysAfter(now, days, workCalendarOf(org.settings));
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function isOverdue(row: ComplaintRow, now: Date): boolean {
  return awaitingAnswer.includes(row.status as ComplaintStatus) && row.dueAt < now;
}

export function presentComplaint(row: ComplaintLine, now: Date): Complaint {
  return {
    id: row.id,
    trackingNumber: row.trackingNumber,
    kind: row.kind,
    source: row.source,
    beneficiaryId: row.beneficiaryId,
    beneficiaryName: row.beneficiaryName,
    anonymous: row.anonymous,
    name: row.name,
    phone: row.phone,
    category: row.category,
    text: row.text,
    aboutStaffId: row.aboutStaffId,
    aboutStaffName: row.aboutStaffName,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    status: row.status,
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue(row, now),
    escalatedAt: iso(row.escalatedAt),
    reply: row.reply,
    repliedAt: iso(row.repliedAt),
    replyDelivery: row.replyDelivery,
    satisfied: row.satisfied,
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the tracking page shows: the state, never who or what. */
export function presentPublicStatus(row: ComplaintRow): PublicComplaintStatus {
  return {
    trackingNumber: row.trackingNumber,
    kind: row.kind,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    answered: row.repliedAt !== null,
    closedAt: iso(row.closedAt),
  };
}

export function presentOwn(row: ComplaintRow): PortalComplaintItem {
  return {
    id: row.id,
    trackingNumber: row.trackingNumber,
    kind: row.kind,
    category: row.category,
    text: row.text,
    status: row.status,
    dueAt: row.dueAt.toISOString(),
    reply: row.reply,
    repliedAt: iso(row.repliedAt),
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
