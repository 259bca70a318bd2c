// محضر الجلسة — the minutes of a committee session, written from its agenda and votes when the chair
// closes it. Pure: the service reads everything under the session lock and stores the text.
import { formatDualDate } from '../../../shared/dates';

export const voteLabels = {
  approve: 'موافق',
  reject: 'غير موافق',
  defer: 'تأجيل',
  conflict: 'تعارض مصالح',
} as const;

export const outcomeLabels = { approved: 'القبول', rejected: 'الرفض', deferred: 'التأجيل' } as const;

export interface MinutesInput {
  title: string;
  scheduledFor: Date;
  decisionBodyAr: string;
  quorum: number;
  chairName: string;
  memberNames: (string | null)[];
  items: {
    number: string;
    beneficiaryName: string;
    serviceNameAr: string;
    outcome: keyof typeof outcomeLabels | null;
    votes: { memberName: string | null; vote: keyof typeof voteLabels; reason: string }[];
  }[];
}

/** One line per paragraph: heading, attendance, one per case, the chair's sign-off. */
export function minutesLines(m: MinutesInput): string[] {
  const when = formatDualDate(m.scheduledFor, 'ar');
  return [
    `محضر ${m.title} — ${m.decisionBodyAr}`,
    `عُقدت الجلسة بتاريخ ${when.hijri} الموافق ${when.gregorian}، برئاسة ${m.chairName}، وبحضور: ${m.memberNames.join('، ')}. النصاب: ${m.quorum}.`,
    ...m.items.map((i) => {
      const conflicts = i.votes.filter((v) => v.vote === 'conflict').map((v) => v.memberName);
      const decided = i.outcome ? `وتقرر ${outcomeLabels[i.outcome]}` : 'ولم يُبت فيه';
      const votes = i.votes.map((v) => `${v.memberName}: ${voteLabels[v.vote]} (${v.reason})`).join('؛ ');
      return `الطلب ${i.number} (${i.beneficiaryName} — ${i.serviceNameAr}) ${decided}. الأصوات: ${votes || 'لا توجد'}.${conflicts.length ? ` أعلن تعارض المصالح: ${conflicts.join('، ')}.` : ''}`;
    }),
    `اعتمد المحضر رئيس الجلسة ${m.chairName}.`,
  ];
}
