import type { DigitStyle } from '../../../shared/digits';
import type { Language } from '../http/errors';
import { message } from '../i18n/messages';
import { compileTemplate, normaliseTable } from './pdf';

/**
 * A report (dashboards, the governance evidence pack): the association's name, a title and a period,
 * then sections, each a heading with optional paragraphs and a table. Same safety as the letter
 * (pdf.ts): the template is constant and every value reaches it as JSON, printed as a string.
 */
export interface ReportInput {
  organizationNameAr: string;
  organizationNameEn: string;
  language: Language;
  title: string;
  /** Lines under the title (the period, in Hijri and Gregorian; when it was generated). */
  subtitle: string[];
  sections: ReportSection[];
  digits?: DigitStyle;
}

export interface ReportSection {
  heading: string;
  lines?: string[];
  table?: { headers: string[]; rows: string[][] };
}

const TEMPLATE = `
#let d = json(bytes(sys.inputs.data))
#let brand = rgb("#0b7a5c")
#let muted = rgb("#5b6470")
#let dir = if d.rtl { rtl } else { ltr }

#set document(title: d.title)
#set text(font: "IBM Plex Sans Arabic", fallback: false, lang: d.lang, dir: dir, ligatures: false, size: 10.5pt, fill: rgb("#1d232b"))
#set par(justify: false, leading: 0.85em, spacing: 1em)
#set page(
  paper: "a4",
  margin: (top: 1.8cm, bottom: 2.2cm, x: 2cm),
  footer: context [
    #line(length: 100%, stroke: 0.5pt + rgb("#d5dbe1"))
    #v(-0.4em)
    #set text(size: 8.5pt, fill: muted)
    #grid(
      columns: (1fr, auto),
      align: (start, end),
      d.organizationName,
      [#d.pageWord #counter(page).display(d.numbering) #d.ofWord #numbering(d.numbering, counter(page).final().first())],
    )
  ],
)

#block(width: 100%, {
  set par(leading: 0.6em)
  stack(
    spacing: 6pt,
    text(size: 16pt, weight: "bold", fill: brand, d.organizationNameAr),
    text(size: 9.5pt, weight: "medium", fill: muted, lang: "en", dir: ltr, d.organizationNameEn),
  )
})
#v(0.3em)
#line(length: 100%, stroke: 1.6pt + brand)
#v(0.8em)
#align(center, text(size: 14pt, weight: "bold", d.title))
#for s in d.subtitle [
  #align(center, text(size: 10pt, fill: muted, s))
]
#v(0.6em)

#for sec in d.sections {
  v(0.5em)
  block(sticky: true, text(size: 12pt, weight: "bold", fill: brand, sec.heading))
  for l in sec.lines { par(l) }
  if sec.table != none {
    table(
      // The first column names the row (a label, a title): twice the room of the figures after it.
      columns: (2fr,) + (1fr,) * (sec.table.columns - 1),
      inset: (x: 6pt, y: 5pt),
      align: start + horizon,
      stroke: 0.5pt + rgb("#c9d1d8"),
      fill: (_, y) => if y == 0 { brand } else if calc.even(y) { rgb("#f1f7f5") } else { none },
      table.header(..sec.table.headers.map(h => text(fill: white, weight: "bold", h))),
      ..sec.table.rows.flatten(),
    )
  }
}
`;

/** An A4 report, right-to-left in Arabic, with page numbers in the association's digits. */
export async function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const language = input.language;
  const data = {
    rtl: language === 'ar',
    lang: language,
    organizationNameAr: String(input.organizationNameAr),
    organizationNameEn: String(input.organizationNameEn),
    organizationName: String(language === 'ar' ? input.organizationNameAr : input.organizationNameEn),
    title: String(input.title),
    subtitle: input.subtitle.map(String),
    sections: input.sections.map((s) => ({
      heading: String(s.heading),
      lines: (s.lines ?? []).map(String),
      table: normaliseTable(s.table),
    })),
    pageWord: message(language, 'pdf.page'),
    ofWord: message(language, 'pdf.of'),
    numbering: language === 'en' || input.digits === 'latn' ? '1' : '١',
  };
  return compileTemplate(TEMPLATE, data);
}
