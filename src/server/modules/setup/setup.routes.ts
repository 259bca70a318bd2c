import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setupSchema, setupStatusSchema } from '../../../shared/contracts/auth';
import { staffRoles } from '../../../shared/roles';
import { contextOf } from '../../platform/http/context';
import type { SetupService } from './setup.service';

const setupResultSchema = z.object({
  organization: z.object({ id: z.uuid(), nameAr: z.string(), nameEn: z.string() }),
  user: z.object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    roles: z.array(z.enum(staffRoles)),
  }),
});

export const setupRoutes =
  (setup: SetupService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/setup',
      { config: { access: 'public' }, schema: { tags: ['setup'], response: { 200: setupStatusSchema } } },
      async () => ({ needed: await setup.isSetupNeeded() }),
    );

    app.post(
      '/api/v1/setup',
      {
        config: { access: 'public' },
        schema: { tags: ['setup'], body: setupSchema, response: { 201: setupResultSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await setup.runSetup(contextOf(request), request.body)),
    );
  };
