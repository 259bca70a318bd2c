import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, textSchema } from '../../../shared/contracts/common';
import {
  addTaskSchema,
  completeTaskSchema,
  evaluationSchema,
  rulesDocumentSchema,
  scheduleTaskSchema,
  verificationTaskSchema,
  workTaskSchema,
} from '../../../shared/contracts/verification';
import { ruleSetSchema } from '../../../shared/eligibility/rules';
import { actorContextOf } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { readMultipart } from '../../platform/http/multipart';
import { sendStoredFile } from '../../platform/http/security-headers';
import type { ResearchReportService } from './research-report.service';
import type { SignalService } from './signals.service';
import type { VerificationService } from './verification.service';

const tags = ['verification'];
const items = z.object({ items: z.array(verificationTaskSchema) });
const workItems = z.object({ items: z.array(workTaskSchema) });

const photoSchema = z.object({
  id: z.uuid(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

const reportEnvelope = z.object({
  report: z
    .object({
      id: z.uuid(),
      requestId: z.uuid(),
      bodyAr: z.string(),
      recommendation: z.enum(['eligible', 'not_eligible', 'needs_more']),
      status: z.enum(['draft', 'submitted']),
      authorName: z.string().nullable(),
      updatedAt: z.string(),
      submittedAt: z.string().nullable(),
    })
    .nullable(),
});

const signalList = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      kind: z.string(),
      otherBeneficiaryId: z.string().nullable(),
      otherFileNumber: z.string().nullable(),
      detail: z.string().nullable(),
      dismissed: z.boolean(),
      dismissReason: z.string().nullable(),
    }),
  ),
});

export const verificationRoutes =
  (
    verification: VerificationService,
    signals: SignalService,
    reports: ResearchReportService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/services/:id/rules',
      {
        config: { access: 'rules.read' },
        schema: { tags, params: idParamsSchema, response: { 200: rulesDocumentSchema } },
      },
      (request) => verification.getRules(actorContextOf(request), request.params.id),
    );
    app.put(
      '/api/v1/services/:id/rules',
      {
        config: { access: 'rules.manage' },
        schema: { tags, params: idParamsSchema, body: ruleSetSchema, response: { 200: rulesDocumentSchema } },
      },
      (request) => verification.publishRules(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/requests/:id/evaluation',
      {
        config: { access: 'verification.read' },
        schema: { tags, params: idParamsSchema, response: { 200: evaluationSchema } },
      },
      (request) => verification.evaluateRequest(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/requests/:id/verifications',
      {
        config: { access: 'verification.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items } },
      },
      (request) => verification.listTasks(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/requests/:id/verifications',
      {
        config: { access: 'verification.schedule' },
        schema: {
          tags,
          params: idParamsSchema,
          body: addTaskSchema,
          response: { 201: verificationTaskSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await verification.addTask(actorContextOf(request), request.params.id, request.body)),
    );
    // Work lists name the beneficiary, their district and city (and, on one's own tasks, the phone).
    app.get(
      '/api/v1/verifications/mine',
      {
        config: { access: 'verification.work', personalData: 'beneficiary' },
        schema: { tags, response: { 200: workItems } },
      },
      (request) => verification.myTasks(actorContextOf(request)),
    );
    app.get(
      '/api/v1/verifications/available',
      {
        config: { access: 'verification.work', personalData: 'beneficiary' },
        schema: { tags, response: { 200: workItems } },
      },
      (request) => verification.availableTasks(actorContextOf(request)),
    );
    app.patch(
      '/api/v1/verifications/:id',
      {
        config: { access: 'verification.schedule' },
        schema: {
          tags,
          params: idParamsSchema,
          body: scheduleTaskSchema,
          response: { 200: verificationTaskSchema },
        },
      },
      (request) => verification.scheduleTask(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/verifications/:id/complete',
      {
        config: { access: 'verification.work' },
        schema: {
          tags,
          params: idParamsSchema,
          body: completeTaskSchema,
          response: { 200: verificationTaskSchema },
        },
      },
      (request) => verification.completeTask(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/services/:id/rules/what-if',
      {
        config: { access: 'rules.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: ruleSetSchema,
          response: {
            200: z.object({
              evaluated: z.number().int(),
              changed: z.number().int(),
              changedWithOpenRequest: z.number().int(),
              sample: z.array(
                z.object({
                  beneficiaryId: z.uuid(),
                  fileNumber: z.string(),
                  fullNameAr: z.string(),
                  before: z.string(),
                  after: z.string(),
                }),
              ),
              elapsedMs: z.number(),
            }),
          },
        },
      },
      (request) => signals.whatIf(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/requests/:id/fraud-signals',
      {
        config: { access: 'verification.read' },
        schema: { tags, params: idParamsSchema, response: { 200: signalList } },
      },
      (request) => signals.listSignals(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/requests/:id/fraud-signals/dismiss',
      {
        config: { access: 'verification.work' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ key: z.string().min(3).max(100), reason: textSchema(3, 500) }),
          response: { 200: signalList },
        },
      },
      (request) =>
        signals.dismissSignal(
          actorContextOf(request),
          request.params.id,
          request.body.key,
          request.body.reason,
        ),
    );
    app.post(
      '/api/v1/verifications/:id/photos',
      {
        config: { access: 'verification.work' },
        schema: {
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: photoSchema },
        },
      },
      async (request, reply) => {
        const { file } = await readMultipart(request, { maxFileBytes: 10 * 1024 * 1024, maxFields: 5 });
        if (!file || file.data.length === 0) {
          throw new AppError(400, 'FILE_REQUIRED', { fields: { file: 'FILE_REQUIRED' } });
        }
        return reply
          .status(201)
          .send(await verification.addPhoto(actorContextOf(request), request.params.id, file.data));
      },
    );
    app.get(
      '/api/v1/verifications/:id/photos',
      {
        config: { access: 'verification.read' },
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: z.object({ items: z.array(photoSchema) }) },
        },
      },
      (request) => verification.listPhotos(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/verifications/:id/photos/:photoId',
      {
        config: { access: 'verification.read' },
        schema: { tags, params: z.object({ id: z.uuid(), photoId: z.uuid() }) },
      },
      async (request, reply) => {
        const photo = await verification.readPhoto(
          actorContextOf(request),
          request.params.id,
          request.params.photoId,
        );
        // A download, never shown in our origin; <img> still displays it (it ignores the disposition).
        const extension = photo.contentType === 'image/png' ? 'png' : 'jpg';
        return sendStoredFile(reply, { ...photo, fileName: `photo-${request.params.photoId}.${extension}` });
      },
    );
    app.get(
      '/api/v1/requests/:id/research-report',
      {
        config: { access: 'verification.read' },
        schema: { tags, params: idParamsSchema, response: { 200: reportEnvelope } },
      },
      (request) => reports.getReport(actorContextOf(request), request.params.id),
    );
    app.put(
      '/api/v1/requests/:id/research-report',
      {
        config: { access: 'verification.work' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({
            bodyAr: textSchema(20, 10_000),
            recommendation: z.enum(['eligible', 'not_eligible', 'needs_more']),
            submit: z.boolean().default(false),
          }),
          response: { 200: reportEnvelope },
        },
      },
      (request) => reports.saveReport(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/requests/:id/research-report.pdf',
      { config: { access: 'verification.read' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) =>
        reply
          .type('application/pdf')
          .send(await reports.reportPdf(actorContextOf(request), request.params.id)),
    );
  };
