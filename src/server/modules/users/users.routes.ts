import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  createUserSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from '../../../shared/contracts/users';
import { staffRoles } from '../../../shared/roles';
import { actorContextOf } from '../../platform/http/context';
import type { OrganizationService } from '../organizations/organizations.service';
import type { UserService } from './users.service';

export const userRoutes =
  (users: UserService, organizations: OrganizationService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { access: 'users.list' },
        schema: { tags: ['users'], querystring: listUsersQuerySchema, response: { 200: userPageSchema } },
      },
      (request) => users.listUsers(actorContextOf(request), request.query),
    );

    app.post(
      '/api/v1/users',
      {
        config: { access: 'users.create' },
        schema: { tags: ['users'], body: createUserSchema, response: { 201: userSchema } },
      },
      async (request, reply) => {
        const ctx = actorContextOf(request);
        const org = await organizations.getOrganization(ctx.actor.organizationId);
        const user = await users.createUser(ctx, request.body, org.nameAr);
        return reply.status(201).send(user);
      },
    );

    // Colleagues' names and roles (no e-mail): enough to refer, assign or seat a committee.
    app.get(
      '/api/v1/users/directory',
      {
        config: { access: 'authenticated', personalData: 'staff' },
        schema: {
          tags: ['users'],
          querystring: z.object({ role: z.enum(staffRoles).optional() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ id: z.uuid(), fullName: z.string(), roles: z.array(z.enum(staffRoles)) }),
              ),
            }),
          },
        },
      },
      (request) => users.directory(actorContextOf(request), request.query.role),
    );

    app.get(
      '/api/v1/users/:id',
      {
        config: { access: 'users.list' },
        schema: { tags: ['users'], params: idParamsSchema, response: { 200: userSchema } },
      },
      (request) => users.getUser(actorContextOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { access: 'users.update' },
        schema: {
          tags: ['users'],
          params: idParamsSchema,
          body: updateUserSchema,
          response: { 200: userSchema },
        },
      },
      (request) => users.updateUser(actorContextOf(request), request.params.id, request.body),
    );
  };
