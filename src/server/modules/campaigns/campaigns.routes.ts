import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  campaignInputSchema,
  campaignPreviewSchema,
  campaignSchema,
} from '../../../shared/contracts/campaigns';
import { idParamsSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import type { CampaignService } from './campaigns.service';

const tags = ['campaigns'];

export const campaignRoutes =
  (campaigns: CampaignService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/campaigns',
      {
        // Titles, services and counts: no one's personal data.
        config: { access: 'campaigns.read', personalData: false },
        schema: { tags, response: { 200: z.object({ items: z.array(campaignSchema) }) } },
      },
      (request) => campaigns.list(actorContextOf(request)),
    );
    app.post(
      '/api/v1/campaigns',
      {
        config: { access: 'campaigns.manage' },
        schema: { tags, body: campaignInputSchema, response: { 201: campaignSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await campaigns.create(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/campaigns/:id',
      {
        config: { access: 'campaigns.read', personalData: false },
        schema: { tags, params: idParamsSchema, response: { 200: campaignSchema } },
      },
      (request) => campaigns.get(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/campaigns/:id/preview',
      {
        // The sample names five people who would receive it.
        config: { access: 'campaigns.read', personalData: 'beneficiary' },
        schema: { tags, params: idParamsSchema, response: { 200: campaignPreviewSchema } },
      },
      (request) => campaigns.preview(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/campaigns/:id/approve',
      {
        config: { access: 'campaigns.approve' },
        schema: { tags, params: idParamsSchema, response: { 200: campaignSchema } },
      },
      (request) => campaigns.approve(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/campaigns/:id/cancel',
      {
        config: { access: 'campaigns.manage' },
        schema: { tags, params: idParamsSchema, response: { 200: campaignSchema } },
      },
      (request) => campaigns.cancel(actorContextOf(request), request.params.id),
    );
  };
