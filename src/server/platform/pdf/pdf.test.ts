import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
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

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(path.join(tmpdir(), 'wasl-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extractText(pdf: Buffer): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  // Without the bidi embedding marks pdftotext wraps right-to-left runs in.
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
    /[\u202a-\u202e]/g,
    '',
  );
}

describe('renderLetterPdf', () => {
  it('renders an Arabic letter with a logo and a table as a small PDF', async () => {
    const pdf = await renderLetterPdf(sampleLetter);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    expect(pdf.length).toBeLessThan(200_000);
  });

  it.skipIf(!hasPdftotext)(
    `keeps Arabic words in logical order in the text layer${hasPdftotext ? '' : ' — SKIPPED: pdftotext is not installed (apt-get install poppler-utils)'}`,
    async () => {
      // The PDF maps each ligature glyph (لأ, بر, ير, في …) to its letters in logical order, but
      // pdftotext reverses those letters when it reorders a right-to-left line ("البر" → "الرب"),
      // so the words checked here are ones the font draws without such ligatures.
      const text = extractText(await renderLetterPdf(sampleLetter));
      expect(text).toContain('جمعية وصل للتنمية المجتمعية');
      expect(text).toContain('نفيدكم بأن');
      expect(text).toContain('إشعار بقرار لجنة المساعدات');
      expect(text).toContain('سداد فاتورة الكهرباء');
      expect(text).toContain('Wasl Community Development Association');
      expect(text).toMatch(/صفحة\s*١\s*من\s*١/);
    },
  );

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
