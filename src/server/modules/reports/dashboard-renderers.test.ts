import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdftotextMissing, says } from '../../../../tests/support/pdf-text';
import {
  layoutText,
  rowSays,
  sheetRows as rowsOf,
  workbookOf as sheets,
} from '../../../../tests/support/report-files';
import type { Dashboard } from '../../../shared/contracts/dashboards';
import { defaultOrganizationSettings, type Organization } from '../../../shared/contracts/organization';
import { dashboardPdf } from './dashboard-pdf';
import { dashboardWorkbook } from './dashboard-workbook';

const org: Organization = {
  id: '00000000-0000-4000-8000-000000000001',
  nameAr: 'جمعية وصل للتنمية المجتمعية',
  nameEn: 'Wasl Community Development Association',
  logo: null,
  slug: 'wasl',
  settings: { ...defaultOrganizationSettings(), slug: 'wasl' },
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const count = (key: string, labelAr: string, labelEn: string, n: number) => ({
  key,
  labelAr,
  labelEn,
  count: n,
});

const dashboard: Dashboard = {
  period: { from: '2026-11-01', to: '2026-11-30', calendar: 'gregory' },
  generatedAt: '2026-12-01T05:00:00.000Z',
  sections: ['requests', 'verification', 'referrals', 'inquiries', 'complaints', 'satisfaction'],
  requests: {
    submitted: 137,
    byChannel: [count('counter', 'الحضور الشخصي', 'In person', 90), count('portal', 'البوابة', 'Portal', 47)],
    byService: [count('s1', 'سلة غذائية شهرية', 'Monthly food basket', 137)],
    byStage: [count('under_review', 'قيد المراجعة', 'Under review', 12)],
    stageTimes: [{ stage: 'in_verification', count: 40, medianDays: 3.5, p90Days: 9 }],
    promise: { decided: 80, withinPromise: 68, share: 0.85 },
    decisions: {
      approved: 61,
      rejected: 19,
      rejectionReasons: [count('income', 'الدخل أعلى من الحد', 'Income above the limit', 11)],
    },
    backlog: [count('0-7', '٠–٧', '0–7', 9), count('31+', '٣١ فأكثر', '31+', 4)],
    overdue: 6,
    trend: [{ period: '2026-11', submitted: 137, decided: 80, withinPromise: 68, share: 0.85 }],
  },
  verification: { open: 23, overdue: 5 },
  referrals: { open: 7, overdue: 2 },
  inquiries: { received: 55, answered: 50, answeredInTime: 44, share: 0.8 },
  complaints: { received: 14, closed: 12, closedInTime: 9, share: 0.75 },
  satisfaction: { answers: 3, hidden: true, csat: null, average: null, nps: null },
};

describe('dashboard workbook', () => {
  it('holds the figures in right-to-left sheets with Arabic headers, and keeps hidden satisfaction hidden', async () => {
    const book = await sheets(await dashboardWorkbook(dashboard, org, 'ar'));
    const summary = book.worksheets[0]!;
    expect(summary.name).toBe('الملخص');
    expect(summary.views[0]?.rightToLeft).toBe(true);
    const rows = rowsOf(summary);
    expect(rows[0]).toEqual(['البند', 'القيمة']);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('الطلبات المقدمة')).toBe(137);
    expect(value('القرارات الصادرة في الموعد الموعود')).toBe(68);
    expect(value('نسبة الوفاء بالموعد')).toBe(0.85);
    expect(value('الشكاوى المغلقة في وقتها')).toBe(9);
    expect(value('مهام التحقق المتأخرة')).toBe(5);
    expect(value('إجابات استبيان الرضا')).toBe(3);
    expect(rows.some((r) => r[0] === 'نسبة الرضا')).toBe(false);
    expect(rows.some((r) => r[0] === 'الإجابات أقل من أن تعرض')).toBe(true);
    const channels = rowsOf(book.getWorksheet('الطلبات حسب القناة')!);
    expect(channels).toEqual([
      ['البند', 'العدد'],
      ['الحضور الشخصي', 90],
      ['البوابة', 47],
    ]);
    const stages = rowsOf(book.worksheets.find((s) => s.name.startsWith('الوقت في كل مرحلة'))!);
    expect(stages[1]).toEqual(['قيد التحقق', 40, 3.5, 9]);
  });

  it('is left-to-right with English labels in English', async () => {
    const book = await sheets(await dashboardWorkbook(dashboard, org, 'en'));
    expect(book.worksheets[0]!.views[0]?.rightToLeft).toBe(false);
    expect(rowsOf(book.worksheets[0]!).find((r) => r[0] === 'Requests submitted')?.[1]).toBe(137);
  });

  it('without the requests section has only the summary of what the caller may see', async () => {
    const { requests: _, ...rest } = dashboard;
    const book = await sheets(
      await dashboardWorkbook({ ...rest, sections: ['complaints'], satisfaction: undefined }, org, 'ar'),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual(['الملخص']);
    expect(rowsOf(book.worksheets[0]!).some((r) => r[0] === 'الطلبات المقدمة')).toBe(false);
  });
});

describe('dashboard PDF', () => {
  it.skipIf(!hasPdftotext)(
    `says the figures in Arabic-Indic digits, the Arabic labels and the Hijri and Gregorian period${hasPdftotext ? '' : ` — SKIPPED: ${pdftotextMissing}`}`,
    async () => {
      const pdf = await dashboardPdf(dashboard, org, 'ar');
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = layoutText(pdf);
      for (const phrase of [
        'جمعية وصل للتنمية المجتمعية',
        'تقرير لوحة المؤشرات',
        'الإجابات أقل من أن تعرض',
        // 1 November 2026 is 21 Jumada al-Ula 1448.
        'من ٢١ جمادى الأولى ١٤٤٨ هـ',
        'من ١ نوفمبر ٢٠٢٦',
      ]) {
        expect(says(text, phrase), `${phrase}\n${text}`).toBe(true);
      }
      const rows: [string, string][] = [
        ['الطلبات المقدمة', '١٣٧'],
        ['القرارات الصادرة في الموعد الموعود', '٦٨'],
        ['نسبة الوفاء بالموعد', '٨٥'],
        ['الشكاوى المغلقة في وقتها', '٩'],
        ['سلة غذائية شهرية', '١٣٧'],
        ['قيد التحقق', '٣٫٥'],
      ];
      for (const [label, value] of rows)
        expect(rowSays(text, label, value), `${label} ${value}\n${text}`).toBe(true);
      expect(rowSays(text, 'الطلبات المقدمة', '١٣٨')).toBe(false);
      expect(rowSays(text, 'الشكاوى المغلقة في وقتها', '١٢')).toBe(false);
      expect(says(text, 'نسبة الرضا')).toBe(false);
    },
  );

  it.skipIf(!hasPdftotext)('writes Latin digits for an association that chose them', async () => {
    const latin = { ...org, settings: { ...org.settings, digitStyle: 'latn' as const } };
    const text = layoutText(await dashboardPdf(dashboard, latin, 'ar'));
    expect(rowSays(text, 'الطلبات المقدمة', '137')).toBe(true);
    expect(rowSays(text, 'الطلبات المقدمة', '١٣٧')).toBe(false);
  });
});
