// The dashboard as an Excel workbook: a sheet per table (the summary first), right-to-left in Arabic,
// the same raw figures as the overview (shares as fractions shown as percentages).
import type { Dashboard } from '../../../shared/contracts/dashboards';
import type { Organization } from '../../../shared/contracts/organization';
import { loadExcel } from '../../platform/excel';
import type { Language } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import { dashboardTables, type ReportCell } from './dashboard-tables';
import { periodLines } from './report-format';

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
const sheetName = (name: string, taken: Set<string>) => {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base} ${i}`;
  taken.add(candidate);
  return candidate;
};

const cellValue = (cell: ReportCell) => (cell !== null && typeof cell === 'object' ? cell.share : cell);

export async function dashboardWorkbook(
  d: Dashboard,
  org: Organization,
  language: Language,
): Promise<Buffer> {
  const book = new (await loadExcel()).Workbook();
  book.creator = 'Wasl';
  book.title = message(language, 'report.dashboardTitle');
  const taken = new Set<string>();
  for (const table of dashboardTables(d, language)) {
    const sheet = book.addWorksheet(sheetName(table.heading, taken), {
      views: [{ rightToLeft: language === 'ar' }],
    });
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = '0.0%';
      });
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 42 : 18;
    });
    if (table.key === 'summary') {
      sheet.addRow([]);
      const name = language === 'ar' ? org.nameAr : org.nameEn;
      for (const line of [name, book.title, ...periodLines(d.period, d.generatedAt, language, org)]) {
        sheet.addRow([line]);
      }
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
