// الصفحات العامة — owns what an association shows to anyone, without sign-in, at /p/<slug>: its service
// guide (each service, who it is for, the documents, the decision time) and its card (channels, counter
// hours). It reads the catalog and the settings as they stand; the published answers come from the
// knowledge base's own service. Nothing here is anyone's personal data, so nothing is audited.
import type { Organization } from '../../../shared/contracts/organization';
import type { PublicAbout, PublicLabel, PublicService } from '../../../shared/contracts/public-pages';
import type { VerificationMechanism } from '../../../shared/contracts/services';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import { notFound } from '../../platform/http/errors';
import type { KnowledgeService } from '../inquiries/knowledge.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { PolicyService } from '../policies/policies.service';
import { listActiveServices } from './public-pages.repository';

export type PublicPageService = ReturnType<typeof createPublicPageService>;

/** A code with its labels from the association's list; a code since removed from it shows as itself. */
function labelled(codes: string[], list: ReadonlyArray<PublicLabel>): PublicLabel[] {
  const byCode = new Map(list.map((item) => [item.code, item]));
  return codes.map((code) => {
    const item = byCode.get(code);
    return { code, labelAr: item?.labelAr ?? code, labelEn: item?.labelEn ?? code };
  });
}

export function presentAbout(org: Organization): PublicAbout {
  const { settings } = org;
  return {
    slug: org.slug,
    nameAr: org.nameAr,
    nameEn: org.nameEn,
    logo: org.logo,
    channels: settings.channels
      .filter((c) => c.enabled)
      .map((c) => ({ code: c.code, labelAr: c.labelAr, labelEn: c.labelEn })),
    workingDays: [...settings.workingDays].sort((a, b) => a - b),
    counter: { opensAt: settings.counter.opensAt, closesAt: settings.counter.closesAt },
    timeZone: settings.timeZone,
    digitStyle: settings.digitStyle,
  };
}

export function createPublicPageService(deps: {
  db: Db;
  organizations: OrganizationService;
  knowledge: KnowledgeService;
  policies: Pick<PolicyService, 'publishedText' | 'publishedTexts'>;
}) {
  const { db, organizations, knowledge, policies } = deps;

  /** Runs `fn` inside the association a slug names (row-level security), or answers 404. */
  async function inAssociation<T>(slug: string, fn: (org: Organization) => Promise<T>): Promise<T> {
    const organizationId = await organizations.findIdBySlug(slug.trim().toLowerCase());
    if (!organizationId) throw notFound();
    return inTenant(db, { organizationId, userId: null }, async () =>
      fn(await organizations.getOrganization(organizationId)),
    );
  }

  return {
    /** The association's card and its active services, as the guide page shows them. */
    async guide(slug: string): Promise<{ about: PublicAbout; items: PublicService[] }> {
      return inAssociation(slug, async (org) => {
        const rows = await listActiveServices(db, org.id);
        const { beneficiaryCategories, documentTypes } = org.settings;
        return {
          about: presentAbout(org),
          items: rows.map((r) => ({
            id: r.id,
            nameAr: r.nameAr,
            nameEn: r.nameEn,
            descriptionAr: r.descriptionAr,
            descriptionEn: r.descriptionEn,
            targetCategories: labelled(r.targetCategories, beneficiaryCategories),
            requiredDocuments: labelled(r.requiredDocuments, documentTypes),
            verification: r.verification as VerificationMechanism[],
            decisionDays: r.decisionDays,
            recurrence: r.recurrence,
          })),
        };
      });
    },

    async about(slug: string): Promise<PublicAbout> {
      return inAssociation(slug, async (org) => presentAbout(org));
    },

    /** The beneficiary charter's published version (null: none published), with the card. */
    async charter(slug: string) {
      return inAssociation(slug, async (org) => ({
        about: presentAbout(org),
        text: await policies.publishedText(db, org.id, 'charter'),
      }));
    },

    /** The association's policies in force (published versions of kind `policy`), with the card. */
    async policy(slug: string) {
      return inAssociation(slug, async (org) => ({
        about: presentAbout(org),
        items: await policies.publishedTexts(db, org.id, 'policy'),
      }));
    },

    /** The card and the approved answers of the knowledge base (its service decides what is published). */
    async faq(slug: string) {
      const about = await this.about(slug);
      const { items } = await knowledge.publicArticles(slug);
      return { about, items };
    },
  };
}
