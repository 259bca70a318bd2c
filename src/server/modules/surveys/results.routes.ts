import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  commentsQuerySchema,
  resultsQuerySchema,
  surveyCommentPageSchema,
  surveyResultsSchema,
} from '../../../shared/contracts/surveys';
import { actorContextOf } from '../../platform/http/context';
import { languageOf } from '../../platform/http/errors';
import type { SurveyExportService } from './export.service';
import type { ResultsService } from './results.service';

const tags = ['surveys'];

export const surveyResultRoutes =
  (results: ResultsService, exports: SurveyExportService): FastifyPluginAsyncZod =>
  async (app) => {
    // Figures only, hidden below 5 answers: no one's data.
    app.get(
      '/api/v1/survey-results',
      {
        config: { access: 'surveys.results', personalData: false },
        schema: { tags, querystring: resultsQuerySchema, response: { 200: surveyResultsSchema } },
      },
      (request) => results.results(actorContextOf(request), request.query),
    );
    // The beneficiaries' own words (a comment may name someone): read as personal data, audited.
    app.get(
      '/api/v1/survey-comments',
      {
        config: { access: 'surveys.results', personalData: 'survey' },
        schema: { tags, querystring: commentsQuerySchema, response: { 200: surveyCommentPageSchema } },
      },
      (request) => results.comments(actorContextOf(request), request.query),
    );
    // Audited by the service as `survey.export` (then not again as a read).
    app.get(
      '/api/v1/survey-results/export.xlsx',
      {
        config: { access: 'surveys.export', personalData: 'survey' },
        schema: { tags, querystring: resultsQuerySchema },
      },
      async (request, reply) => {
        const file = await exports.workbook(actorContextOf(request), request.query, languageOf(request));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="survey-results.xlsx"')
          .send(file);
      },
    );
  };
