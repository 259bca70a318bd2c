// خطاب القرار — the approval or rejection letter, in Arabic, on the organization's letterhead.
import { formatDualDate } from '../../../shared/dates';
import type { DigitStyle } from '../../../shared/digits';
import type { Language } from '../../platform/http/errors';
import { escapeHtml } from '../../platform/http/html';
import { message } from '../../platform/i18n/messages';

export interface LetterFacts {
  organizationNameAr: string;
  decisionBodyAr: string;
  beneficiaryName: string;
  /** The letter addresses her or him in the right grammatical gender («المكرمة» / «المكرم»). */
  beneficiaryGender: 'male' | 'female';
  fileNumber: string;
  requestNumber: string;
  serviceNameAr: string;
  decision: 'approved' | 'rejected';
  reason: string;
  decidedAt: Date;
  /** The association's digit style (decision 014): the date is written in it. */
  digits?: DigitStyle;
}

/** The letter's text, from the server's message catalogue (Arabic: the letter the beneficiary keeps). */
export function letterBody(f: LetterFacts, language: Language = 'ar'): string {
  const date = formatDualDate(f.decidedAt, language, { digits: f.digits });
  const facts = { decisionBody: f.decisionBodyAr, number: f.requestNumber, service: f.serviceNameAr };
  return [
    message(
      language,
      'letter.addressee',
      { name: f.beneficiaryName, fileNumber: f.fileNumber },
      { context: f.beneficiaryGender },
    ),
    message(language, 'letter.greeting'),
    message(language, `letter.outcome.${f.decision}`, facts),
    message(language, 'letter.reason', { reason: f.reason }),
    message(language, `letter.next.${f.decision}`),
    message(language, 'letter.date', { hijri: date.hijri, gregorian: date.gregorian }),
    `${f.organizationNameAr}`,
  ].join('\n');
}

export const letterTitle = (decision: LetterFacts['decision'], language: Language = 'ar') =>
  message(language, `letter.title.${decision}`);

/** The printable letter (the browser prints it to PDF; the page is A4, right-to-left). */
export function letterHtml(
  body: string,
  org: { nameAr: string; nameEn: string; logo: string | null },
): string {
  const logo = org.logo ? `<img src="${escapeHtml(org.logo)}" alt="" class="logo">` : '';
  const paragraphs = body
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${escapeHtml(org.nameAr)}</title>
<style>@page{size:A4;margin:2cm}body{font-family:'IBM Plex Sans Arabic',Tahoma,sans-serif;color:#1a1a1a;line-height:1.9;max-width:18cm;margin:2rem auto}
header{display:flex;align-items:center;gap:1rem;border-block-end:2px solid #0b7a5c;padding-block-end:.75rem;margin-block-end:1.5rem}
.logo{max-height:64px}header h1{font-size:1.3rem;margin:0}header small{color:#555}p{margin:.4rem 0}</style></head>
<body><header>${logo}<div><h1>${escapeHtml(org.nameAr)}</h1><small>${escapeHtml(org.nameEn)}</small></div></header>
<main>${paragraphs}</main></body></html>`;
}
