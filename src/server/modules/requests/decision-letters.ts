// خطاب القرار — the approval or rejection letter, in Arabic, on the organization's letterhead.
import { formatDualDate } from '../../../shared/dates';
import { escapeHtml } from '../../platform/http/html';

export interface LetterFacts {
  organizationNameAr: string;
  decisionBodyAr: string;
  beneficiaryName: string;
  fileNumber: string;
  requestNumber: string;
  serviceNameAr: string;
  decision: 'approved' | 'rejected';
  reason: string;
  decidedAt: Date;
}

export function letterBody(f: LetterFacts): string {
  const date = formatDualDate(f.decidedAt, 'ar');
  const outcome =
    f.decision === 'approved'
      ? `نفيدكم بأن ${f.decisionBodyAr} قررت قبول طلبكم رقم ${f.requestNumber} لخدمة «${f.serviceNameAr}».`
      : `نفيدكم بأن ${f.decisionBodyAr} درست طلبكم رقم ${f.requestNumber} لخدمة «${f.serviceNameAr}»، وقررت الاعتذار عن قبوله.`;
  const next =
    f.decision === 'approved'
      ? 'سيتواصل معكم مسؤول تقديم الخدمة لاستكمال إجراءات التسجيل وتقديم الخدمة.'
      : 'يحق لكم الاستفسار عن القرار أو التظلم منه عبر قنوات التواصل مع الجمعية.';
  return [
    `المكرم/ة ${f.beneficiaryName} (ملف رقم ${f.fileNumber})`,
    'السلام عليكم ورحمة الله وبركاته،',
    outcome,
    `السبب: ${f.reason}`,
    next,
    `التاريخ: ${date.hijri} الموافق ${date.gregorian}`,
    `${f.organizationNameAr}`,
  ].join('\n');
}

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
