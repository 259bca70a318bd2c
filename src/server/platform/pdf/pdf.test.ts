import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdfText, pdftotextMissing, says, unsaid } from '../../../../tests/support/pdf-text';
import { type LetterInput, renderLetterPdf } from './pdf.js';

/** A small PNG logo (a brand-green disc with a white ring), made here so the test ships no binary. */
function makeLogo(size = 96): Buffer {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c) / c;
      const white = r > 1 || (r > 0.62 && r < 0.72);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = white ? 255 : 0x0b;
      raw[o + 1] = white ? 255 : 0x7a;
      raw[o + 2] = white ? 255 : 0x5c;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const sampleLetter: LetterInput = {
  organizationNameAr: 'جمعية وصل للتنمية المجتمعية',
  organizationNameEn: 'Wasl Community Development Association',
  logo: makeLogo(),
  title: 'إشعار بقرار لجنة المساعدات',
  lines: [
    'المكرم الأستاذ/ عبدالله بن محمد القحطاني       المحترم',
    'السلام عليكم ورحمة الله وبركاته، وبعد:',
    'نفيدكم بأن لجنة المساعدات في الجمعية قد درست طلبكم رقم ١٤٤٦/٣٢٥ المقدم بتاريخ ١٥/٠٣/١٤٤٦هـ، وقررت في اجتماعها الثالث الموافقة على صرف المساعدات الموضحة في الجدول أدناه، وذلك وفق لائحة المساعدات المعتمدة من مجلس الإدارة.',
    'نأمل منكم مراجعة مقر الجمعية خلال ثلاثين يوماً من تاريخ هذا الإشعار مصطحبين الهوية الوطنية لاستلام المساعدة، ولكم حق التظلم من القرار خلال خمسة عشر يوماً.',
    'وتقبلوا خالص التحية والتقدير،،',
  ],
  table: {
    headers: ['نوع المساعدة', 'المبلغ (ريال)', 'طريقة الصرف'],
    rows: [
      ['سلة غذائية شهرية', '٣٥٠', 'عينية'],
      ['سداد فاتورة الكهرباء', '٨٢٠', 'تحويل بنكي'],
      ['مساعدة دراسية', '١٬٢٠٠', 'تحويل بنكي'],
    ],
  },
};

// Latin runs come back verbatim once the bidi embedding marks pdftotext wraps them in are dropped.
const extractText = (pdf: Buffer) => pdfText(pdf).replace(/[\u202a-\u202e]/g, '');

describe('renderLetterPdf', () => {
  it('renders an Arabic letter with a logo and a table as a small PDF', async () => {
    const pdf = await renderLetterPdf(sampleLetter);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it.skipIf(!hasPdftotext)(
    `says in its text layer the Arabic it was given, ligatures included${hasPdftotext ? '' : ` — SKIPPED: ${pdftotextMissing}`}`,
    async () => {
      const pdf = await renderLetterPdf(sampleLetter);
      const { missing, text } = unsaid(pdf, [
        'جمعية وصل للتنمية المجتمعية',
        'إشعار بقرار لجنة المساعدات',
        'المكرم الأستاذ عبدالله بن محمد القحطاني المحترم',
        'قد درست طلبكم رقم ١٤٤٦ ٣٢٥ المقدم بتاريخ ١٥ ٠٣ ١٤٤٦هـ',
        // لائحة, المعتمدة, الإدارة, التظلم: lam-alef and the font's own ligatures.
        'وذلك وفق لائحة المساعدات المعتمدة من مجلس الإدارة',
        'ولكم حق التظلم من القرار خلال خمسة عشر يوماً',
        'نوع المساعدة المبلغ (ريال) طريقة الصرف',
        'سداد فاتورة الكهرباء',
        'مساعدة دراسية',
        'Wasl Community Development Association',
        'صفحة ١ من ١',
      ]);
      expect(missing, text).toEqual([]);
      // The comparison still tells documents apart.
      expect(says(text, 'وقررت في اجتماعها الثالث رفض صرف المساعدات')).toBe(false);
      expect(says(text, 'سداد فاتورة المياه')).toBe(false);
    },
  );

  it('reads Arabic back through what pdftotext does to it', () => {
    // What pdftotext 22–24 printed for a Typst letter (bidi marks, reversed ligature letters, a
    // bracket moved across a Latin run), and the text that letter was made from.
    const extracted =
      '\u202bالمكرم\u202a/\u202cة سلمى حامد الزبرجدي (ملف رقم \u202a)B-000001\u202c\u202c\n' +
      '\u202bالسبب\u202a:\u202c األرسة بال دخل ثابت والرشوط منطبقة\u202c\n\u202bالرب والتقوى يف األمر\u202c';
    expect(says(extracted, 'المكرم/ة سلمى حامد الزبرجدي (ملف رقم B-000001)')).toBe(true);
    expect(says(extracted, 'السبب: الأسرة بلا دخل ثابت والشروط منطبقة')).toBe(true);
    expect(says(extracted, 'البر والتقوى في الأمر')).toBe(true);
    // A word cut in two where a ligature meets the next glyph.
    expect(says('\u202bتقر ير البحث االجتماعي\u202c', 'تقرير البحث الاجتماعي')).toBe(true);
    // Visual order (words right to left), as other extractors give it.
    expect(says('منطبقة والشروط ثابت دخل', 'دخل ثابت والشروط منطبقة')).toBe(true);
    // Presentation forms (ﻣﻨﻄﺒﻘﺔ) are the letters they show.
    expect(says('\ufee3\ufee8\ufec4\ufe92\ufed8\ufe94', 'منطبقة')).toBe(true);
    expect(says(extracted, 'السبب: الأسرة لها دخل ثابت')).toBe(false);
    expect(says(extracted, 'ملف رقم B-000002')).toBe(false);
  });

  it('renders hostile text literally without breaking compilation', async () => {
    const hostile = ['#panic("x")', ']', '$x$', '\\', '<b>', '#{', '//', '"', '@ref', '`raw`'];
    const pdf = await renderLetterPdf({
      organizationNameAr: `جمعية ${hostile.join(' ')}`,
      organizationNameEn: '#exec("rm -rf /") ]',
      logo: null,
      title: '$ \\ ] #panic("title")',
      lines: [...hostile.map((h) => `نص ${h} نص`), ...hostile.map((h) => `start ${h} end`)],
      table: { headers: ['#panic("h")', ']'], rows: [['$x$', '\\'], ['<b>'], ['a', 'b', 'extra']] },
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const text = extractText(pdf);
      // Neutral characters in a right-to-left paragraph are reordered for display, so the literal
      // check uses the Latin-wrapped copies (an LTR run) and the English name.
      for (const h of hostile) expect(text).toContain(`start ${h} end`);
      expect(text).toContain('#exec("rm -rf /") ]');
    }
  });

  it('renders a letter without a table and rejects a logo that is not PNG or JPEG', async () => {
    const pdf = await renderLetterPdf({ ...sampleLetter, table: undefined, logo: null });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(renderLetterPdf({ ...sampleLetter, logo: Buffer.from('<svg/>') })).rejects.toThrow(
      /PNG or JPEG/,
    );
  });

  it('measures the time per page over 20 renders', async () => {
    await renderLetterPdf(sampleLetter); // warm
    const long = { ...sampleLetter, lines: Array.from({ length: 6 }, () => sampleLetter.lines).flat() };
    let pages = 0;
    const start = performance.now();
    for (let i = 0; i < 20; i++) {
      const pdf = await renderLetterPdf(i % 2 ? sampleLetter : long);
      pages += (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length || 1;
    }
    const ms = performance.now() - start;
    console.log(
      `renderLetterPdf: ${(ms / 20).toFixed(1)} ms per render, ${(ms / pages).toFixed(1)} ms per page (${pages} pages)`,
    );
  });
});
