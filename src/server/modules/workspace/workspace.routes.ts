import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workspaceHomeSchema } from '../../../shared/contracts/workspace';
import { actorContextOf } from '../../platform/http/context';
import type { WorkspaceService } from './workspace.service';

const tags = ['workspace'];

export const workspaceRoutes =
  (workspace: WorkspaceService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/workspace/home',
      {
        // Any staff member has a home; which sections they get is decided by their roles, in the
        // service. Its lists name beneficiaries (and a researcher's tasks their phone and place): the
        // read is audited like a request list.
        config: { access: 'authenticated', personalData: 'request' },
        schema: { tags, response: { 200: workspaceHomeSchema } },
      },
      (request) => workspace.home(actorContextOf(request)),
    );
  };
