// Owns the organization (tenant) record and its settings: names, logo, channels, role titles,
// decision body, working week, holidays and the default decision period.
import {
  defaultOrganizationSettings,
  type Organization,
  type OrganizationSettings,
  slugFrom,
  type UpdateOrganization,
} from '../../../shared/contracts/organization';
import { recordAudit } from '../../platform/audit/audit';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import {
  findOrganization,
  insertOrganization,
  type OrganizationRow,
  organizationIdBySlug,
  slugTaken,
  updateOrganization,
} from './organizations.repository';

export function presentOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    logo: row.logo,
    slug: row.slug,
    // Settings saved before a list was added get that list's defaults.
    settings: { ...defaultOrganizationSettings(), ...row.settings, slug: row.slug },
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The logo as image bytes for printed documents (PNG or JPEG only; WebP is not printable). */
export function logoBytes(org: Organization): Buffer | null {
  const match = org.logo?.match(/^data:image\/(png|jpeg);base64,(.+)$/);
  return match ? Buffer.from(match[2]!, 'base64') : null;
}

export type OrganizationService = ReturnType<typeof createOrganizationService>;

// Settings are read several times per request and change rarely: each process keeps them briefly.
const cacheMs = 5_000;

export function createOrganizationService({ db }: { db: Db }) {
  const cache = new Map<string, { at: number; organization: Organization }>();
  return {
    /**
     * Creates a tenant inside the caller's transaction (setup, demo data, platform tools). The caller
     * chose its `id` and declared it as the transaction's association (row-level security).
     */
    async createOrganization(
      tx: Tx,
      ctx: RequestContext,
      input: {
        id: string;
        nameAr: string;
        nameEn: string;
        slug?: string;
        settings?: Partial<OrganizationSettings>;
      },
    ): Promise<Organization> {
      const settings = { ...defaultOrganizationSettings(), ...input.settings };
      // A clean slug from the English name when free, else made unique with the start of the id.
      const wanted = input.slug ?? slugFrom(input.nameEn);
      const slug = (await slugTaken(tx, wanted)) ? `${wanted}-${input.id.slice(0, 6)}` : wanted;
      const row = await insertOrganization(tx, {
        id: input.id,
        nameAr: input.nameAr,
        nameEn: input.nameEn,
        slug,
        settings,
      });
      await recordAudit(tx, ctx, {
        organizationId: row.id,
        action: 'organization.create',
        entityType: 'organization',
        entityId: row.id,
      });
      return presentOrganization(row);
    },

    /** Inside a transaction pass its handle: a second pooled connection per transaction can starve the pool. */
    async getOrganization(organizationId: string, tx: Tx = db): Promise<Organization> {
      const hit = cache.get(organizationId);
      if (hit && Date.now() - hit.at < cacheMs) return hit.organization;
      const row = await findOrganization(tx, organizationId);
      if (!row) throw notFound();
      const organization = presentOrganization(row);
      cache.set(organizationId, { at: Date.now(), organization });
      return organization;
    },

    /** The association a portal slug names, or null (slugs are public: the portal's address). */
    async findIdBySlug(slug: string): Promise<string | null> {
      return organizationIdBySlug(db, slug);
    },

    /** Whether the association is active or suspended (read inside its own scope). */
    async organizationStatus(organizationId: string, tx: Tx = db): Promise<'active' | 'suspended'> {
      const row = await findOrganization(tx, organizationId);
      if (!row) throw notFound();
      return row.status;
    },

    /** Suspends or resumes an association (platform operator), inside its own scope. */
    async setOrganizationStatus(tx: Tx, organizationId: string, status: 'active' | 'suspended') {
      const row = await updateOrganization(tx, organizationId, { status });
      cache.delete(organizationId);
      return row;
    },

    /** A slug held by any association, suspended ones included. */
    slugTaken: (slug: string) => slugTaken(db, slug),

    async updateCurrentOrganization(ctx: ActorContext, input: UpdateOrganization): Promise<Organization> {
      return db.transaction(async (tx) => {
        const before = await findOrganization(tx, ctx.actor.organizationId);
        if (!before) throw notFound();
        const { slug: settingsSlug, ...settingsInput } = input.settings ?? {};
        const settings = input.settings ? { ...before.settings, ...settingsInput } : undefined;
        const slug = input.slug ?? settingsSlug;
        if (slug && slug !== before.slug) {
          // Any holder but this association, a suspended one too (the portal lookup skips those).
          if (await slugTaken(tx, slug)) throw new AppError(409, 'SLUG_TAKEN', { field: 'slug' });
        }
        const row = await updateOrganization(tx, before.id, {
          nameAr: input.nameAr,
          nameEn: input.nameEn,
          logo: input.logo,
          ...(slug ? { slug } : {}),
          settings,
        });
        cache.delete(before.id);
        await recordAudit(tx, ctx, {
          action: 'organization.update',
          entityType: 'organization',
          entityId: row.id,
          details: { fields: Object.keys(input) },
        });
        return presentOrganization(row);
      });
    },
  };
}
