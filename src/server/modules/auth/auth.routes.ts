import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginSchema, meSchema } from '../../../shared/contracts/auth';
import { sessionCookieName } from '../../platform/auth/sessions';
import { actorContextOf, contextOf } from '../../platform/http/context';
import type { AuthService } from './auth.service';

export const authRoutes =
  (
    auth: AuthService,
    options: { secureCookies: boolean; sessionTtlSeconds: number },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: options.secureCookies,
    };

    app.post(
      '/api/v1/auth/login',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema } },
      },
      async (request, reply) => {
        const { token, me } = await auth.login(
          contextOf(request),
          request.body,
          request.headers['user-agent'] ?? null,
        );
        reply.setCookie(sessionCookieName, token, { ...cookieOptions, maxAge: options.sessionTtlSeconds });
        return me;
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        // One's own account only.
        config: { access: 'authenticated', personalData: false },
        schema: { tags: ['auth'], response: { 200: meSchema } },
      },
      (request) => auth.me(actorContextOf(request).actor),
    );

    app.post(
      '/api/v1/auth/logout',
      { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.logout(actorContextOf(request));
        reply.clearCookie(sessionCookieName, cookieOptions);
        return reply.status(204).send(null);
      },
    );
  };
