import type { PublicService } from '../../../shared/contracts/public-pages';
import { Icon } from '../components/icon';
import { BackLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { useT } from '../i18n';
import { local, localName } from '../lib/format';
import type { Items } from '../lib/portal-types';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { publicApi } from './complaints/complaint-fields';

/**
 * /p/<slug>/services before signing in: the association's service guide, open to everyone — each
 * service, who it is for, the documents it needs, how it is checked and how long the decision takes
 * (the server writes the same content into the page, for search engines and phones without script).
 * "Apply" opens the service's own screen, which asks to sign in first.
 */
export default function Guide() {
  const t = useT();
  const { organization } = useSession();
  const services = useLoad(`guide:${organization.slug}`, () =>
    publicApi<Items<PublicService>>(organization.slug, '/services').then((r) => r.items),
  );
  return (
    <>
      <BackLink />
      <PageTitle lead={t('guide.lead')}>{t('guide.title')}</PageTitle>
      {services.loading && !services.data ? (
        <Skeleton lines={4} block />
      ) : services.error ? (
        <ErrorState error={services.error} onRetry={services.reload} />
      ) : !services.data?.length ? (
        <EmptyState icon="apply">{t('services.empty')}</EmptyState>
      ) : (
        services.data.map((service) => <GuideCard key={service.id} service={service} />)
      )}
    </>
  );
}

function GuideCard({ service }: { service: PublicService }) {
  const t = useT();
  const description = local(service.descriptionAr, service.descriptionEn);
  const separator = t('guide.separator');
  return (
    <article className="card section" aria-labelledby={`guide-${service.id}`}>
      <h2 className="card-title" id={`guide-${service.id}`}>
        {localName(service)}
      </h2>
      {description ? <p className="pre-wrap">{description}</p> : null}
      <dl className="facts">
        <div>
          <dt>{t('services.forWhom')}</dt>
          <dd>
            {service.targetCategories.length
              ? service.targetCategories.map((c) => local(c.labelAr, c.labelEn)).join(separator)
              : t('guide.forEveryone')}
          </dd>
        </div>
        <div>
          <dt>{t('services.documents')}</dt>
          <dd>
            {service.requiredDocuments.length ? (
              <ul>
                {service.requiredDocuments.map((d) => (
                  <li key={d.code}>{local(d.labelAr, d.labelEn)}</li>
                ))}
              </ul>
            ) : (
              t('services.noDocuments')
            )}
          </dd>
        </div>
        {service.verification.length ? (
          <div>
            <dt>{t('services.howChecked')}</dt>
            <dd>{service.verification.map((v) => t(`services.verification.${v}`)).join(' ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('services.when')}</dt>
          <dd>{t('services.decisionDays', { count: service.decisionDays, days: service.decisionDays })}</dd>
        </div>
      </dl>
      <Link to={`/services/${service.id}`} className="btn btn-primary btn-block">
        <Icon name="apply" />
        <span>{t('guide.apply')}</span>
      </Link>
    </article>
  );
}
