import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  portalCodeAcceptedSchema,
  portalCodeRequestSchema,
  portalMeSchema,
  portalOrganizationSchema,
  portalSignInSchema,
} from '../../../shared/contracts/portal';
import { contextOf, portalContextOf } from '../../platform/http/context';
import { message } from '../../platform/i18n/messages';
import type { PortalAuthService } from './portal-auth.service';
import type { PortalSessionStore } from './portal-sessions';

export const portalAuthRoutes =
  (
    portal: PortalAuthService,
    sessions: PortalSessionStore,
    options: { secureCookies: boolean },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      // Strict: the portal is reached by typing or tapping its address, never needs the cookie cross-site.
      sameSite: 'strict' as const,
      secure: options.secureCookies,
    };

    app.get(
      '/api/v1/portal/organizations/:slug',
      {
        config: { access: 'public' },
        schema: {
          tags: ['portal'],
          params: z.object({ slug: z.string().trim().toLowerCase().min(1).max(60) }),
          response: { 200: portalOrganizationSchema },
        },
      },
      (request) => portal.organization(request.params.slug),
    );

    app.post(
      '/api/v1/portal/otp',
      {
        config: { access: 'public' },
        schema: {
          tags: ['portal'],
          body: portalCodeRequestSchema,
          response: { 202: portalCodeAcceptedSchema },
        },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const { expiresInSeconds } = await portal.requestCode(ctx, request.body);
        return reply
          .status(202)
          .send({ message: message(ctx.language, 'portal.codeSent'), expiresInSeconds });
      },
    );

    app.post(
      '/api/v1/portal/sessions',
      {
        config: { access: 'public' },
        schema: { tags: ['portal'], body: portalSignInSchema, response: { 200: portalMeSchema } },
      },
      async (request, reply) => {
        const { token, me } = await portal.signIn(
          contextOf(request),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        reply.setCookie(sessions.cookieName, token, { ...cookieOptions, maxAge: sessions.maxAgeSeconds });
        return me;
      },
    );

    app.get(
      '/api/v1/portal/me',
      { config: { access: 'portal' }, schema: { tags: ['portal'], response: { 200: portalMeSchema } } },
      (request) => portal.me(portalContextOf(request)),
    );

    app.delete(
      '/api/v1/portal/sessions/current',
      { config: { access: 'portal' }, schema: { tags: ['portal'], response: { 204: z.null() } } },
      async (request, reply) => {
        await portal.signOut(portalContextOf(request));
        reply.clearCookie(sessions.cookieName, cookieOptions);
        return reply.status(204).send(null);
      },
    );
  };
