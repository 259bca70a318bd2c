// exceljs takes about a second to load (the largest module of the server): it is loaded on the first
// spreadsheet asked for, not at start-up (issue 15: a 3-second start).
let excel: Promise<typeof import('exceljs')> | undefined;

export async function loadExcel() {
  excel ??= import('exceljs').then((m) => (m.default ?? m) as typeof import('exceljs'));
  return excel;
}
