import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  consentInputSchema,
  consentSchema,
  declarationSchema,
  declarationTextSchema,
  documentSchema,
  interactionInputSchema,
  signDeclarationSchema,
  timelineItemSchema,
  timelineQuerySchema,
} from '../../../shared/contracts/beneficiaries';
import { idParamsSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import { readMultipart } from '../../platform/http/multipart';
import { sendStoredFile } from '../../platform/http/security-headers';
import { type BeneficiaryRecordsService, maxDocumentBytes } from './beneficiary-records.service';

const tags = ['beneficiaries'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const documentParams = z.object({ id: z.uuid(), documentId: z.uuid() });

export const beneficiaryRecordRoutes =
  (records: BeneficiaryRecordsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/beneficiaries/:id/documents',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(documentSchema) } },
      },
      (request) => records.listDocuments(actorContextOf(request), request.params.id),
    );

    // multipart/form-data: one `file` part (PDF, JPEG or PNG, checked by content) and the text fields.
    app.post(
      '/api/v1/beneficiaries/:id/documents',
      {
        config: { access: 'beneficiaries.upload_documents' },
        schema: {
          tags,
          params: idParamsSchema,
          consumes: ['multipart/form-data'],
          response: { 201: documentSchema },
        },
      },
      async (request, reply) => {
        const { file, fields } = await readMultipart(request, { maxFileBytes: maxDocumentBytes });
        const doc = await records.uploadDocument(actorContextOf(request), request.params.id, file, fields);
        return reply.status(201).send(doc);
      },
    );

    app.get(
      '/api/v1/beneficiaries/:id/documents/:documentId/file',
      { config: { access: 'beneficiaries.read' }, schema: { tags, params: documentParams } },
      async (request, reply) => {
        const file = await records.readDocumentFile(
          actorContextOf(request),
          request.params.id,
          request.params.documentId,
        );
        // A download, never shown in our origin: an uploaded file is whatever its uploader made it.
        return sendStoredFile(reply, file);
      },
    );

    app.get(
      '/api/v1/declaration-text',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, response: { 200: declarationTextSchema } },
      },
      (request) => records.getDeclarationText(actorContextOf(request)),
    );

    // A new version of the declaration is a published `declaration` policy document (board approval,
    // versions: the policies page); publishing it writes the next text here (policies/policy-texts.ts).

    app.get(
      '/api/v1/beneficiaries/:id/declarations',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(declarationSchema) } },
      },
      (request) => records.listDeclarations(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/beneficiaries/:id/declarations',
      {
        config: { access: 'beneficiaries.record_declaration' },
        bodyLimit: 600_000,
        schema: {
          tags,
          params: idParamsSchema,
          body: signDeclarationSchema,
          response: { 201: z.object({ id: z.uuid(), textVersion: z.number(), signedAt: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await records.signDeclaration(actorContextOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/beneficiaries/:id/consents',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(consentSchema) } },
      },
      (request) => records.listConsents(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/beneficiaries/:id/consents',
      {
        config: { access: 'beneficiaries.update' },
        schema: { tags, params: idParamsSchema, body: consentInputSchema, response: { 201: consentSchema } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await records.recordConsent(actorContextOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/beneficiaries/:id/interactions',
      {
        config: { access: 'beneficiaries.record_interaction' },
        schema: {
          tags,
          params: idParamsSchema,
          body: interactionInputSchema,
          response: { 201: z.object({ id: z.uuid(), occurredAt: z.string() }) },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await records.recordInteraction(actorContextOf(request), request.params.id, request.body)),
    );

    app.get(
      '/api/v1/beneficiaries/:id/timeline',
      {
        config: { access: 'beneficiaries.read' },
        schema: {
          tags,
          params: idParamsSchema,
          querystring: timelineQuerySchema,
          response: { 200: items(timelineItemSchema) },
        },
      },
      (request) => records.timeline(actorContextOf(request), request.params.id, request.query.group),
    );
  };
