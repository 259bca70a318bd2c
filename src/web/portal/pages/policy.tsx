import type { PublishedText } from '../../../shared/contracts/policies';
import { EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { digits, useSettings, useT } from '../i18n';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { publicApi } from './complaints/complaint-fields';

/**
 * /p/<slug>/policy: the association's policies in force — each published version with its number, the
 * board's decision (number and date) and its text — open to everyone, as the server writes it.
 */
export default function Policy() {
  const t = useT();
  const { language } = useSettings();
  const { organization } = useSession();
  const policy = useLoad(`policy:${organization.slug}`, () =>
    publicApi<{ items: PublishedText[] }>(organization.slug, '/policy').then((r) => r.items),
  );
  const items = policy.data;
  return (
    <>
      <PageTitle lead={t('policy.lead')}>{t('policy.title')}</PageTitle>
      {policy.loading && items === undefined ? (
        <Skeleton lines={6} />
      ) : policy.error ? (
        <ErrorState error={policy.error} onRetry={policy.reload} />
      ) : !items?.length ? (
        <EmptyState icon="info">{t('policy.empty')}</EmptyState>
      ) : (
        items.map((text) => (
          <section className="card section" key={text.documentId}>
            <h2 className="card-title">{language === 'en' ? text.titleEn : text.titleAr}</h2>
            <p className="muted">{t('policy.version', { number: digits(text.versionNumber) })}</p>
            {text.decisionNumber ? (
              <p className="muted">
                {t('policy.decision', {
                  number: text.decisionNumber,
                  date: digits(text.decisionDate ?? ''),
                })}
              </p>
            ) : null}
            <p className="pre-wrap" dir="auto">
              {language === 'en' && text.bodyEn ? text.bodyEn : text.bodyAr}
            </p>
          </section>
        ))
      )}
    </>
  );
}
