import { Icon } from '../components/icon';
import { BackLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { local, localName } from '../lib/format';
import type { Items, PortalService } from '../lib/portal-types';
import { Link } from '../lib/router';
import { useMe } from '../lib/session';
import { useLoad } from '../lib/use-load';

/** The association's services, one big card each; tapping one opens what it is and how to ask for it. */
export default function Services() {
  const t = useT();
  const me = useMe();
  const services = useLoad('services', (signal) => api<Items<PortalService>>('/services', { signal }));
  return (
    <>
      <BackLink />
      <PageTitle lead={t('services.lead')}>{t('services.title')}</PageTitle>
      {services.error ? <ErrorState error={services.error} onRetry={services.reload} /> : null}
      {!services.data && !services.error ? <Skeleton lines={3} block /> : null}
      {services.data?.items.length === 0 ? <EmptyState icon="apply">{t('services.empty')}</EmptyState> : null}
      <ul className="plain-list">
        {services.data?.items.map((service) => (
          <li key={service.id}>
            <Link to={`/services/${service.id}`} className="card">
              <span className="card-title">
                <span>{localName(service)}</span>
                <Icon name="forward" className="flip-ltr" />
              </span>
              {service.descriptionAr || service.descriptionEn ? (
                <span className="muted">
                  {firstLine(local(service.descriptionAr, service.descriptionEn))}
                </span>
              ) : null}
              {service.eligibility.outcome === 'likely' ? (
                <span className="status status-approved">
                  <Icon name="check" />
                  {t('services.mayQualify', { gender: me.gender })}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 140 ? `${line.slice(0, 140)}…` : line;
}
