import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdfText } from '../../../../tests/support/pdf-text';
import { renderReportPdf } from './report-pdf';

describe('renderReportPdf', () => {
  it('prints hostile text literally: a title, a line or a cell never becomes Typst source', async () => {
    const hostile = ['#panic("x")', ']', '$x$', '\\', '<b>', '#{', '//', '"', '@ref', '`raw`'];
    const pdf = await renderReportPdf({
      organizationNameAr: `جمعية ${hostile.join(' ')}`,
      organizationNameEn: '#exec("rm -rf /") ]',
      language: 'en',
      title: '$ \\ ] #panic("title")',
      subtitle: hostile,
      sections: [
        { heading: '#panic("heading")', lines: hostile.map((h) => `start ${h} end`) },
        {
          heading: 'table',
          table: { headers: ['#panic("h")', ']'], rows: [['$x$', '\\'], ['<b>'], ['a', 'b', 'extra']] },
        },
        { heading: 'empty' },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (hasPdftotext) {
      const text = pdfText(pdf).replace(/[\u202a-\u202e]/g, '');
      for (const h of hostile) expect(text).toContain(`start ${h} end`);
      expect(text).toContain('#exec("rm -rf /") ]');
      expect(text).toContain('#panic("heading")');
    }
  });
});
