import type { PublishedArticle } from '../../../shared/contracts/inquiries';
import { EmptyState, ErrorState, PageTitle, Skeleton } from '../components/ui';
import { useSettings, useT } from '../i18n';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { publicApi } from './complaints/complaint-fields';

/**
 * /p/<slug>/faq: the association's approved answers (its knowledge base), open to everyone without
 * sign-in — the answer to a common question before anyone has to ask (policy: answer every inquiry).
 */
export default function Faq() {
  const t = useT();
  const { language } = useSettings();
  const { organization } = useSession();
  const articles = useLoad(`faq:${organization.slug}`, () =>
    publicApi<{ items: PublishedArticle[] }>(organization.slug, '/knowledge').then((r) => r.items),
  );
  return (
    <>
      <PageTitle lead={t('faq.lead')}>{t('faq.title')}</PageTitle>
      {articles.loading && !articles.data ? (
        <Skeleton lines={4} />
      ) : articles.error ? (
        <ErrorState error={articles.error} onRetry={articles.reload} />
      ) : !articles.data?.length ? (
        <EmptyState icon="question">{t('faq.empty')}</EmptyState>
      ) : (
        <div>
          {articles.data.map((a) => {
            const en = language === 'en' && a.questionEn && a.answerEn;
            return (
              <details key={a.id} className="card faq-item">
                <summary className="card-title">{en ? a.questionEn : a.questionAr}</summary>
                <p className="pre-wrap">{en ? a.answerEn : a.answerAr}</p>
              </details>
            );
          })}
        </div>
      )}
    </>
  );
}
