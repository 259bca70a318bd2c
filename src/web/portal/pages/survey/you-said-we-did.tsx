import type { YouSaidWeDid } from '../../../../shared/contracts/surveys';
import { EmptyState, ErrorState, PageTitle, Skeleton } from '../../components/ui';
import { useT } from '../../i18n';
import { dualDate, local } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { publicApi } from '../complaints/complaint-fields';

/**
 * /p/<slug>/you-said-we-did: «قلتم، فعلنا» — what people told the association and what it changed,
 * open to everyone without sign-in (the improvement actions the association chose to publish).
 */
export default function YouSaidWeDidPage() {
  const t = useT();
  const { organization } = useSession();
  const list = useLoad(`ysw:${organization.slug}`, () =>
    publicApi<YouSaidWeDid>(organization.slug, '/you-said-we-did').then((r) => r.items),
  );
  return (
    <>
      <PageTitle lead={t('youSaid.lead')}>{t('youSaid.title')}</PageTitle>
      {list.loading && !list.data ? (
        <Skeleton lines={4} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data?.length ? (
        <EmptyState icon="check">{t('youSaid.empty')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {list.data.map((item) => {
            const service = item.serviceNameAr ? local(item.serviceNameAr, item.serviceNameEn) : null;
            const date = dualDate(item.publishedAt);
            return (
              <li key={item.id} className="card you-said">
                <p className="card-title">{t('youSaid.said')}</p>
                <p className="pre-wrap">{local(item.saidAr, item.didEn ? item.saidEn : null)}</p>
                <p className="card-title">{t('youSaid.did')}</p>
                <p className="pre-wrap">{local(item.didAr, item.saidEn ? item.didEn : null)}</p>
                <p className="muted">
                  {service ? `${service} — ` : ''}
                  {date.hijri} ({date.gregorian})
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
