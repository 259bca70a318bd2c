import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { householdMemberInputSchema, householdMemberSchema } from '../../../shared/contracts/beneficiaries';
import { idParamsSchema } from '../../../shared/contracts/common';
import { portalCodeAcceptedSchema, portalMeSchema } from '../../../shared/contracts/portal';
import {
  portalDeclarationSchema,
  portalDocumentSchema,
  portalProfileUpdateSchema,
  portalRegistrationSchema,
  portalSignDeclarationSchema,
  portalSignedDeclarationSchema,
  registrationCodeRequestSchema,
} from '../../../shared/contracts/portal-registration';
import { contextOf, portalContextOf } from '../../platform/http/context';
import { readMultipart } from '../../platform/http/multipart';
import { sendStoredFile } from '../../platform/http/security-headers';
import { message } from '../../platform/i18n/messages';
import { maxDocumentBytes } from '../beneficiaries/beneficiary-records.service';
import type { PortalRegistrationService } from './portal-registration.service';
import type { PortalSessionStore } from './portal-sessions';

const tags = ['portal'];
const portal = { access: 'portal' } as const;

/** Pre-registration from home, and what the person keeps up in their own file (PORTAL-API.md). */
export const portalRegistrationRoutes =
  (
    registrations: PortalRegistrationService,
    sessions: PortalSessionStore,
    options: { secureCookies: boolean },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/portal/registrations/otp',
      {
        config: { access: 'public' },
        schema: { tags, body: registrationCodeRequestSchema, response: { 202: portalCodeAcceptedSchema } },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { expiresInSeconds } = await registrations.requestCode(ctx, request.body);
        return reply
          .status(202)
          .send({ message: message(ctx.language, 'portal.registrationCodeSent'), expiresInSeconds });
      },
    );

    app.post(
      '/api/v1/portal/registrations',
      {
        config: { access: 'public' },
        schema: { tags, body: portalRegistrationSchema, response: { 201: portalMeSchema } },
      },
      async (request, reply) => {
        const { token, me } = await registrations.register(
          contextOf(request),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        // The same cookie as a sign-in (portal-auth.routes.ts).
        reply.setCookie(sessions.cookieName, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: options.secureCookies,
          maxAge: sessions.maxAgeSeconds,
        });
        return reply.status(201).send(me);
      },
    );

    app.patch(
      '/api/v1/portal/me/profile',
      {
        config: portal,
        schema: { tags, body: portalProfileUpdateSchema, response: { 200: portalMeSchema } },
      },
      (request) => registrations.updateProfile(portalContextOf(request), request.body),
    );

    app.get(
      '/api/v1/portal/household',
      {
        config: portal,
        schema: { tags, response: { 200: z.object({ items: z.array(householdMemberSchema) }) } },
      },
      (request) => registrations.listHousehold(portalContextOf(request)),
    );

    app.post(
      '/api/v1/portal/household',
      {
        config: portal,
        schema: { tags, body: householdMemberInputSchema, response: { 201: householdMemberSchema } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await registrations.addHouseholdMember(portalContextOf(request), request.body)),
    );

    app.delete(
      '/api/v1/portal/household/:memberId',
      {
        config: portal,
        schema: { tags, params: z.object({ memberId: z.uuid() }), response: { 204: z.null() } },
      },
      async (request, reply) => {
        await registrations.removeHouseholdMember(portalContextOf(request), request.params.memberId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/v1/portal/documents',
      {
        config: portal,
        schema: { tags, response: { 200: z.object({ items: z.array(portalDocumentSchema) }) } },
      },
      (request) => registrations.listDocuments(portalContextOf(request)),
    );

    // multipart/form-data: `type`, `issueDate?`, `expiryDate?` and one `file` (its type read from its content).
    app.post(
      '/api/v1/portal/documents',
      {
        config: portal,
        schema: { tags, consumes: ['multipart/form-data'], response: { 201: portalDocumentSchema } },
      },
      async (request, reply) => {
        const { file, fields } = await readMultipart(request, { maxFileBytes: maxDocumentBytes });
        const doc = await registrations.uploadDocument(portalContextOf(request), file, fields);
        return reply.status(201).send(doc);
      },
    );

    app.get(
      '/api/v1/portal/documents/:id/file',
      { config: portal, schema: { tags, params: idParamsSchema } },
      async (request, reply) =>
        sendStoredFile(
          reply,
          await registrations.readDocumentFile(portalContextOf(request), request.params.id),
        ),
    );

    app.get(
      '/api/v1/portal/declaration',
      { config: portal, schema: { tags, response: { 200: portalDeclarationSchema } } },
      (request) => registrations.declaration(portalContextOf(request)),
    );

    app.post(
      '/api/v1/portal/declarations',
      {
        config: portal,
        bodyLimit: 600_000,
        schema: {
          tags,
          body: portalSignDeclarationSchema,
          response: { 201: portalSignedDeclarationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await registrations.signDeclaration(portalContextOf(request), request.body)),
    );

    app.post(
      '/api/v1/portal/registration/submit',
      { config: portal, schema: { tags, response: { 200: portalMeSchema } } },
      (request) => registrations.submit(portalContextOf(request)),
    );
  };
