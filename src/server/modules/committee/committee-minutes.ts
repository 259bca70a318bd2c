// محضر الجلسة — the minutes of a committee session, written from its agenda and votes when the chair
// closes it. Pure: the service reads everything under the session lock and stores the text.
import { formatDualDate } from '../../../shared/dates';
import { type DigitStyle, defaultDigitStyle, formatNumber } from '../../../shared/digits';
import type { Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';

export type Vote = 'approve' | 'reject' | 'defer' | 'conflict';
export type Outcome = 'approved' | 'rejected' | 'deferred';

/** The outcome in words, for the minutes and their table (the server's message catalogue). */
export const outcomeLabel = (outcome: Outcome, language: Language = 'ar') =>
  message(language, `outcome.${outcome}`);

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
    outcome: Outcome | null;
    votes: { memberName: string | null; vote: Vote; reason: string }[];
  }[];
  /** The association's digit style (decision 014): the date and the quorum are written in it. */
  digits?: DigitStyle;
}

/** One line per paragraph: heading, attendance, one per case, the chair's sign-off. */
export function minutesLines(m: MinutesInput, language: Language = 'ar'): string[] {
  const digits = m.digits ?? defaultDigitStyle;
  const when = formatDualDate(m.scheduledFor, language, { digits });
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(language, key, params);
  const list = (items: (string | null)[]) => items.join(t('list.separator'));
  return [
    t('minutes.heading', { title: m.title, decisionBody: m.decisionBodyAr }),
    t('minutes.attendance', {
      hijri: when.hijri,
      gregorian: when.gregorian,
      chair: m.chairName,
      members: list(m.memberNames),
      quorum: formatNumber(m.quorum, language, digits),
    }),
    ...m.items.map((i) => {
      const conflicts = i.votes.filter((v) => v.vote === 'conflict').map((v) => v.memberName);
      const votes = i.votes
        .map((v) =>
          t('minutes.vote', { member: v.memberName ?? '', vote: t(`vote.${v.vote}`), reason: v.reason }),
        )
        .join(t('list.semicolon'));
      const line = t('minutes.item', {
        number: i.number,
        beneficiary: i.beneficiaryName,
        service: i.serviceNameAr,
        decision: i.outcome
          ? t('minutes.decided', { outcome: outcomeLabel(i.outcome, language) })
          : t('minutes.undecided'),
        votes: votes || t('minutes.noVotes'),
      });
      return conflicts.length ? line + t('minutes.conflicts', { members: list(conflicts) }) : line;
    }),
    t('minutes.signoff', { chair: m.chairName }),
  ];
}
