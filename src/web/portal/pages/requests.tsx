import { Icon } from '../components/icon';
import { DualDate, RequestNumber, StatusWords } from '../components/status';
import { BackLink, ButtonLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { localName } from '../lib/format';
import type { Items, PortalRequestSummary } from '../lib/portal-types';
import { Link } from '../lib/router';
import { useLoad } from '../lib/use-load';

/** My requests: each one a card with its service, its number, where it stands and when it was sent. */
export default function Requests() {
  const t = useT();
  const requests = useLoad('requests', (signal) => api<Items<PortalRequestSummary>>('/requests', { signal }));
  const items = requests.data?.items ?? [];
  return (
    <>
      <BackLink />
      <PageTitle lead={t('requests.lead')}>{t('requests.title')}</PageTitle>
      {requests.error ? <ErrorState error={requests.error} onRetry={requests.reload} /> : null}
      {!requests.data && !requests.error ? <Skeleton lines={3} block /> : null}
      {requests.data && items.length === 0 ? (
        <>
          <EmptyState icon="requests">{t('requests.empty')}</EmptyState>
          <ButtonLink to="/services" icon="apply" className="btn-block">
            {t('home.apply')}
          </ButtonLink>
        </>
      ) : null}
      <ul className="plain-list">
        {items.map((r) => (
          <li key={r.id}>
            <Link to={`/requests/${r.id}`} className="card">
              <span className="card-title">
                <span>{localName({ nameAr: r.serviceNameAr, nameEn: r.serviceNameEn })}</span>
                <Icon name="forward" className="flip-ltr" />
              </span>
              <span className="muted">
                <RequestNumber number={r.number} />
              </span>
              <span className="date-pair">
                <StatusWords status={r.status} />
              </span>
              <span className="muted">
                {r.submittedAt ? t('requests.sentOn') : t('requests.startedOn')}{' '}
                <DualDate value={r.submittedAt ?? r.createdAt} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
