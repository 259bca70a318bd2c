// How a report writes its period and its numbers: the period in Hijri and Gregorian, numbers and dates
// in the association's digits (decision 014; Latin digits in English).
import type { Organization } from '../../../shared/contracts/organization';
import { formatDualDate } from '../../../shared/dates';
import { formatNumber } from '../../../shared/digits';
import type { Language } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { ReportCell } from './dashboard-tables';

/** A local calendar date (YYYY-MM-DD) in both calendars. */
export function dualDay(day: string, language: Language, org: Organization) {
  // Noon UTC read in UTC is that very day, whatever the association's zone.
  return formatDualDate(`${day}T12:00:00Z`, language, { timeZone: 'UTC', digits: org.settings.digitStyle });
}

/** The period's two title lines (Hijri, then Gregorian) and when the report was generated. */
export function periodLines(
  period: { from: string; to: string },
  generatedAt: string,
  language: Language,
  org: Organization,
): string[] {
  const from = dualDay(period.from, language, org);
  const to = dualDay(period.to, language, org);
  const generated = formatDualDate(generatedAt, language, {
    timeZone: org.settings.timeZone,
    digits: org.settings.digitStyle,
    withTime: true,
  });
  return [
    message(language, 'report.periodHijri', { from: from.hijri, to: to.hijri }),
    message(language, 'report.periodGregorian', { from: from.gregorian, to: to.gregorian }),
    message(language, 'report.generatedAt', { date: generated.gregorian }),
  ];
}

/** A number in the association's digits. */
export const formatCount = (value: number, language: Language, org: Organization) =>
  formatNumber(value, language, org.settings.digitStyle, { maximumFractionDigits: 1 });

/** A share as a percentage (one decimal), or «none» when there was nothing to divide by. */
export function formatShare(share: number | null, language: Language, org: Organization) {
  if (share === null) return message(language, 'report.none');
  return formatNumber(share, language, org.settings.digitStyle, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
}

/** A cell as printed text. */
export function formatCell(cell: ReportCell, language: Language, org: Organization): string {
  if (cell === null) return message(language, 'report.none');
  if (typeof cell === 'number') return formatCount(cell, language, org);
  if (typeof cell === 'string') return cell;
  return formatShare(cell.share, language, org);
}
