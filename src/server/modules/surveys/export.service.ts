// The satisfaction results as an Excel workbook: a right-to-left sheet of the answers (never who answered:
// no beneficiary, no staff member) and a sheet of the figures, hidden below 5 answers as on the page.
import { localDate } from '../../../shared/calendar';
import type { Figure, ResultsQuery, SurveyQuestion } from '../../../shared/contracts/surveys';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import { loadExcel } from '../../platform/excel';
import type { ActorContext } from '../../platform/http/context';
import type { Language } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { OrganizationService } from '../organizations/organizations.service';
import { exportRows, surveyQuestions } from './results.repository';
import type { ResultsService } from './results.service';

/** More answers than this in one file: the period must be narrowed (the sheet says so). */
export const maxExportRows = 50_000;

export type SurveyExportService = ReturnType<typeof createSurveyExportService>;

type Cell = string | number | null;

/** The columns of the survey's questions, newest version first, each question once. */
function questionColumns(versions: { questions: SurveyQuestion[] }[]) {
  const seen = new Map<string, SurveyQuestion>();
  for (const v of versions) for (const q of v.questions) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}

function answerCell(q: SurveyQuestion, value: unknown, language: Language): Cell {
  if (value === null || value === undefined) return null;
  const label = (id: unknown) => {
    const option = q.options?.find((o) => o.id === id);
    return option ? (language === 'ar' ? option.labelAr : option.labelEn) : String(id);
  };
  if (Array.isArray(value)) return value.map(label).join('، ');
  if (q.kind === 'single') return label(value);
  return typeof value === 'number' ? value : String(value);
}

export function createSurveyExportService(deps: {
  db: Db;
  organizations: OrganizationService;
  results: ResultsService;
}) {
  const { db, organizations, results } = deps;

  return {
    async workbook(ctx: ActorContext, query: ResultsQuery, language: Language): Promise<Buffer> {
      const t = (key: Parameters<typeof message>[1], params?: Record<string, string | number>) =>
        message(language, key, params);
      const { filter } = await results.filterFor(ctx, query);
      const figures = await results.results(ctx, query);
      const { settings } = await organizations.getOrganization(filter.organizationId, db);
      const rows = await exportRows(db, filter, maxExportRows + 1);
      const questions = query.surveyId
        ? questionColumns(await surveyQuestions(db, filter.organizationId, query.surveyId))
        : [];

      const book = new (await loadExcel()).Workbook();
      book.creator = 'Wasl';
      const sheet = book.addWorksheet(t('surveyExport.answersSheet'), { views: [{ rightToLeft: true }] });
      sheet.addRow([
        t('surveyExport.date'),
        t('surveyExport.survey'),
        t('surveyExport.version'),
        t('surveyExport.service'),
        t('surveyExport.channel'),
        t('surveyExport.anonymous'),
        t('surveyExport.score'),
        t('surveyExport.nps'),
        t('surveyExport.comment'),
        ...questions.map((q) => (language === 'ar' ? q.labelAr : q.labelEn)),
      ]).font = { bold: true };
      for (const r of rows.slice(0, maxExportRows)) {
        sheet.addRow([
          localDate(r.answeredAt, settings.timeZone),
          language === 'ar' ? r.surveyNameAr : r.surveyNameEn,
          r.version,
          (language === 'ar' ? r.serviceNameAr : (r.serviceNameEn ?? r.serviceNameAr)) ?? null,
          t(`surveyExport.channel.${r.channel}`),
          t(r.anonymous ? 'surveyExport.yes' : 'surveyExport.no'),
          r.score,
          r.nps,
          r.comment,
          ...questions.map((q) => answerCell(q, r.answers[q.id], language)),
        ]);
      }
      if (rows.length > maxExportRows) sheet.addRow([t('surveyExport.truncated', { max: maxExportRows })]);
      sheet.columns.forEach((column, i) => {
        column.width = i === 8 ? 60 : 18;
      });

      const summary = book.addWorksheet(t('surveyExport.summarySheet'), { views: [{ rightToLeft: true }] });
      summary.addRow([
        t('surveyExport.figure'),
        t('surveyExport.answers'),
        t('surveyExport.csat'),
        t('surveyExport.average'),
        t('surveyExport.nps'),
      ]).font = { bold: true };
      const line = (label: string, f: Figure) => summary.addRow([label, f.answers, f.csat, f.average, f.nps]);
      line(t('surveyExport.total'), figures.summary);
      summary.addRow([t('surveyExport.invited'), figures.summary.invited]);
      summary.addRow([t('surveyExport.responseRate'), figures.summary.responseRate]);
      for (const f of figures.byService) {
        line(
          t('surveyExport.byService', {
            name: (language === 'ar' ? f.nameAr : (f.nameEn ?? f.nameAr)) ?? t('surveyExport.noService'),
          }),
          f,
        );
      }
      for (const f of figures.byChannel) {
        line(t('surveyExport.byChannel', { name: t(`surveyExport.channel.${f.channel}`) }), f);
      }
      for (const f of figures.trend) line(t('surveyExport.byMonth', { name: f.period }), f);
      summary.getColumn(1).width = 40;

      await recordAudit(db, ctx, {
        action: 'survey.export',
        entityType: 'survey',
        entityId: query.surveyId ?? null,
        details: { rows: Math.min(rows.length, maxExportRows), scope: figures.scope },
      });
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  };
}
