import fs from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publishedTextSchema } from '../../../shared/contracts/policies';
import {
  publicAboutSchema,
  publicServicesSchema,
  publicSlugParamsSchema,
} from '../../../shared/contracts/public-pages';
import { AppError } from '../../platform/http/errors';
import {
  aboutPage,
  charterPage,
  faqPage,
  guidePage,
  inShell,
  notFoundPage,
  type PublicPage,
  policyPage,
  standalone,
} from './public-pages.html';
import type { PublicPageService } from './public-pages.service';

const tags = ['public'];

// The same for everyone (no cookie is read): caches and search engines may keep it a few minutes.
const publicCache = 'public, max-age=300';

export function publicPageRoutes(
  pages: PublicPageService,
  options: {
    /** The built portal.html, when the server serves the web app; else a standalone page is written. */
    portalHtmlPath: string | null;
    /** PUBLIC_URL: makes the canonical links absolute. */
    publicUrl?: string;
  },
): FastifyPluginAsyncZod {
  const baseUrl = (options.publicUrl ?? '').replace(/\/+$/, '');

  async function shell(): Promise<string | null> {
    if (!options.portalHtmlPath) return null;
    // Read each time, as the static files are: a new build shows at once (the file is a few hundred bytes).
    return fs.readFile(options.portalHtmlPath, 'utf8').catch(() => null);
  }

  async function sendPage(reply: FastifyReply, status: number, page: PublicPage) {
    const portal = await shell();
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', status === 200 ? publicCache : 'no-cache')
      .send(portal ? inShell(portal, page) : standalone(page));
  }

  /** The page of a slug, or the not-found page (HTML, status 404) when no association has it. */
  async function answer(
    reply: FastifyReply,
    slug: string,
    section: '' | '/services' | '/faq' | '/charter' | '/policy',
    render: () => Promise<PublicPage>,
  ) {
    // /p/ alone is where the installed portal starts (it goes back to the association last opened).
    if (slug === '') return reply.callNotFound();
    try {
      if (!/^[a-z0-9-]{1,60}$/i.test(slug)) throw new AppError(404, 'NOT_FOUND');
      return await sendPage(reply, 200, await render());
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 404) {
        return sendPage(reply, 404, notFoundPage(`/p/${encodeURIComponent(slug)}${section}`, baseUrl));
      }
      throw error;
    }
  }

  return async (app) => {
    app.get(
      '/api/v1/public/:slug/services',
      {
        config: { access: 'public' },
        schema: { tags, params: publicSlugParamsSchema, response: { 200: publicServicesSchema } },
      },
      async (request) => ({ items: (await pages.guide(request.params.slug)).items }),
    );
    app.get(
      '/api/v1/public/:slug/about',
      {
        config: { access: 'public' },
        schema: { tags, params: publicSlugParamsSchema, response: { 200: publicAboutSchema } },
      },
      (request) => pages.about(request.params.slug),
    );
    app.get(
      '/api/v1/public/:slug/charter',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: publicSlugParamsSchema,
          response: { 200: z.object({ text: publishedTextSchema.nullable() }) },
        },
      },
      async (request) => ({ text: (await pages.charter(request.params.slug)).text }),
    );
    app.get(
      '/api/v1/public/:slug/policy',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: publicSlugParamsSchema,
          response: { 200: z.object({ items: z.array(publishedTextSchema) }) },
        },
      },
      async (request) => ({ items: (await pages.policy(request.params.slug)).items }),
    );

    // Pages of the portal's address space, written on the server so they read without script.
    const page = { config: { access: 'public' as const }, schema: { hide: true } };
    type PageRequest = { Params: { slug: string } };
    app.get<PageRequest>('/p/:slug', page, (request, reply) =>
      answer(reply, request.params.slug, '', async () =>
        aboutPage(await pages.about(request.params.slug), baseUrl),
      ),
    );
    app.get<PageRequest>('/p/:slug/services', page, (request, reply) =>
      answer(reply, request.params.slug, '/services', async () => {
        const { about, items } = await pages.guide(request.params.slug);
        return guidePage(about, items, baseUrl);
      }),
    );
    app.get<PageRequest>('/p/:slug/charter', page, (request, reply) =>
      answer(reply, request.params.slug, '/charter', async () => {
        const { about, text } = await pages.charter(request.params.slug);
        return charterPage(about, text, baseUrl);
      }),
    );
    app.get<PageRequest>('/p/:slug/policy', page, (request, reply) =>
      answer(reply, request.params.slug, '/policy', async () => {
        const { about, items } = await pages.policy(request.params.slug);
        return policyPage(about, items, baseUrl);
      }),
    );
    app.get<PageRequest>('/p/:slug/faq', page, (request, reply) =>
      answer(reply, request.params.slug, '/faq', async () => {
        const { about, items } = await pages.faq(request.params.slug);
        return faqPage(about, items, baseUrl);
      }),
    );
  };
}
