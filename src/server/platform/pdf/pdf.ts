import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NodeCompiler as NodeCompilerType } from '@myriaddreamin/typst-ts-node-compiler';
import type { DigitStyle } from '../../../shared/digits';
import { detectFileType } from '../files/storage.js';
import { message } from '../i18n/messages';

/**
 * Printed documents (DESIGN.md → Architecture → Printed documents): a Typst template compiled
 * in-process by the native typst-ts compiler, with the IBM Plex Sans Arabic TTF files shipped in an
 * npm package. Typst shapes Arabic and lays out right-to-left text, which most JS PDF libraries do not.
 *
 * Safety: user text never becomes Typst source. The template below is constant; every value reaches
 * it as one JSON document through `sys.inputs` and is shown as a string, so `#panic(..)`, `]`, `$`,
 * `\` or `<b>` print literally. The logo is handed over as an in-memory ("shadow") file.
 */

export interface LetterInput {
  organizationNameAr: string;
  organizationNameEn: string;
  /** PNG or JPEG bytes, or null for no logo. */
  logo: Buffer | null;
  title: string;
  /** Arabic paragraphs, shown in order, right-to-left. */
  lines: string[];
  table?: { headers: string[]; rows: string[][] };
  /** The association's digit style for the page numbers (decision 014); Arabic-Indic by default. */
  digits?: DigitStyle;
}

const require = createRequire(import.meta.url);

const FONT_PACKAGE = '@expo-google-fonts/ibm-plex-sans-arabic';
const FONT_FILES = [
  '400Regular/IBMPlexSansArabic_400Regular.ttf',
  '500Medium/IBMPlexSansArabic_500Medium.ttf',
  '700Bold/IBMPlexSansArabic_700Bold.ttf',
];

/**
 * A virtual workspace: nothing is read from it. The template only reads the shadow files mapped
 * below, which live in memory under this root.
 */
const WORKSPACE = path.resolve('/wasl-pdf-virtual');
/** Logo paths as the template sees them (relative to the workspace root). */
const LOGO_PNG = '/logo.png';
const LOGO_JPEG = '/logo.jpg';

/** Brand colour of the letterhead rule and table header. */
const BRAND = '#0b7a5c';

const TEMPLATE = `
#let d = json(bytes(sys.inputs.data))
#let brand = rgb("${BRAND}")
#let muted = rgb("#5b6470")

#set document(title: d.title)
#set text(font: "IBM Plex Sans Arabic", fallback: false, lang: "ar", dir: rtl, ligatures: false, size: 11.5pt, fill: rgb("#1d232b"))
#set par(justify: true, leading: 0.95em, spacing: 1.25em)
#set page(
  paper: "a4",
  margin: (top: 2cm, bottom: 2.6cm, x: 2.4cm),
  footer: context [
    #line(length: 100%, stroke: 0.5pt + rgb("#d5dbe1"))
    #v(-0.4em)
    #set text(size: 9pt, fill: muted)
    #grid(
      columns: (1fr, auto),
      align: (start, end),
      d.organizationNameAr,
      [#d.pageWord #counter(page).display(d.numbering) #d.ofWord #numbering(d.numbering, counter(page).final().first())],
    )
  ],
)

// Letterhead: the logo at the start (right) side, the Arabic name beside it, the English name below.
#block(width: 100%, {
  set par(justify: false, leading: 0.6em)
  grid(
    columns: if d.logo == none { (1fr,) } else { (auto, 1fr) },
    column-gutter: 14pt,
    align: start + horizon,
    ..if d.logo != none { (image(d.logo, height: 1.9cm, fit: "contain"),) },
    stack(
      spacing: 7pt,
      text(size: 17pt, weight: "bold", fill: brand, d.organizationNameAr),
      align(right, text(size: 10pt, weight: "medium", fill: muted, lang: "en", dir: ltr, d.organizationNameEn)),
    ),
  )
})
#v(0.5em)
#line(length: 100%, stroke: 1.8pt + brand)
#v(-0.8em)
#line(length: 100%, stroke: 0.5pt + brand)
#v(1.6em)

#align(center, text(size: 15pt, weight: "bold", d.title))
#v(1em)

#for l in d.lines [
  #par(l)
]

#if d.table != none {
  v(0.6em)
  let cols = d.table.columns
  table(
    columns: (1fr,) * cols,
    inset: (x: 8pt, y: 7pt),
    align: start + horizon,
    stroke: 0.5pt + rgb("#c9d1d8"),
    fill: (_, y) => if y == 0 { brand } else if calc.even(y) { rgb("#f1f7f5") } else { none },
    table.header(..d.table.headers.map(h => text(fill: white, weight: "bold", h))),
    ..d.table.rows.flatten(),
  )
}
`;

let compiler: NodeCompilerType | null = null;
let renders = 0;

/** The compiler is created once, on first use (~100 ms: native module load and font parsing). */
function getCompiler(): NodeCompilerType {
  if (compiler) return compiler;
  const { NodeCompiler } =
    require('@myriaddreamin/typst-ts-node-compiler') as typeof import('@myriaddreamin/typst-ts-node-compiler');
  const fontBlobs = FONT_FILES.map((f) => readFileSync(require.resolve(`${FONT_PACKAGE}/${f}`)));
  compiler = NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs }] });
  return compiler;
}

/** Pads or cuts each row to the column count, so a ragged row cannot shift the cells after it. */
export function normaliseTable(table: LetterInput['table']) {
  if (!table) return null;
  const columns = table.headers.length || Math.max(0, ...table.rows.map((r) => r.length));
  if (columns === 0) return null;
  const toWidth = (row: string[]) => Array.from({ length: columns }, (_, i) => String(row[i] ?? ''));
  return { columns, headers: toWidth(table.headers), rows: table.rows.map(toWidth) };
}

function logoPath(logo: Buffer | null): string | null {
  if (!logo) return null;
  const type = detectFileType(logo);
  if (type !== 'image/png' && type !== 'image/jpeg') throw new TypeError('logo must be PNG or JPEG bytes');
  return type === 'image/png' ? LOGO_PNG : LOGO_JPEG;
}

/** An A4 right-to-left official letter: letterhead, title, paragraphs, optional table, page numbers. */
export async function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const logo = logoPath(input.logo);
  const data = {
    organizationNameAr: String(input.organizationNameAr),
    organizationNameEn: String(input.organizationNameEn),
    title: String(input.title),
    lines: input.lines.map(String),
    table: normaliseTable(input.table),
    logo,
    // The footer's words come from the server's message catalogue, like every other server text.
    pageWord: message('ar', 'pdf.page'),
    ofWord: message('ar', 'pdf.of'),
    // Typst's numbering patterns: "١" counts in Arabic-Indic digits, "1" in Latin ones.
    numbering: input.digits === 'latn' ? '1' : '١',
  };
  return compileTemplate(TEMPLATE, data, logo && input.logo ? { path: logo, bytes: input.logo } : null);
}

/**
 * Compiles a constant Typst template with its data as JSON (`sys.inputs.data`) and at most one image
 * as a shadow file; shared by every printed document (the letter above, reports in report-pdf.ts).
 */
export function compileTemplate(
  template: string,
  data: unknown,
  image: { path: string; bytes: Buffer } | null = null,
): Buffer {
  const c = getCompiler();
  // Everything from here to the PDF bytes is synchronous, so concurrent calls cannot see each
  // other's logo in the shared shadow file system.
  c.resetShadow();
  if (image) c.mapShadow(path.join(WORKSPACE, image.path), image.bytes);
  const result = c.compile({ mainFileContent: template, inputs: { data: JSON.stringify(data) } });
  const doc = result.result;
  if (result.hasError() || !doc) {
    const error = result.takeError() ?? result.takeDiagnostics();
    const details = error ? JSON.stringify(error.shortDiagnostics) : 'no diagnostics';
    throw new Error(`PDF template failed to compile: ${details}`);
  }
  const pdf = c.pdf(doc);
  c.resetShadow();
  // Typst memoizes across compilations; age out what no recent document used.
  if (++renders % 50 === 0) c.evictCache(30);
  return pdf;
}
