/**
 * A report read back from its file. Excel: the sheets' rows as arrays of values. PDF: the tables read
 * back from the text layer — `pdftotext -layout` keeps each table row on one line, so a
 * row is checked as "this line says the label and the value" (the order of the two on the line depends
 * on the direction pdftotext lays it out in). Words are compared as `says` does (pdf-text.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { says } from './pdf-text';

/** The PDF's text as `pdftotext -layout` gives it. */
export function layoutText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wasl-report-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether one line of the layout text holds a table row: its label and its value. */
export const rowSays = (text: string, label: string, value: string) =>
  text.split('\n').some((line) => says(line, label) && says(line, value));

/** A workbook from its bytes (an export's answer). */
export async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as arrays of cell values, column A first. */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
