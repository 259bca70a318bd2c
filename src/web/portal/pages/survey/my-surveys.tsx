import { useState } from 'react';
import type { SurveyForm } from '../../../../shared/contracts/surveys';
import { BackLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../../components/ui';
import { useT } from '../../i18n';
import { api, post } from '../../lib/api';
import { dualDate, local } from '../../lib/format';
import { Link } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { SurveyQuestions } from './survey-form';
import { Thanks } from './survey-link';

interface OpenSurvey {
  id: string;
  surveyNameAr: string;
  surveyNameEn: string;
  serviceNameAr: string | null;
  serviceNameEn: string | null;
  expiresAt: string;
}

/** /p/<slug>/surveys: the services waiting for the signed-in beneficiary's rating, and answering one. */
export default function MySurveys({ id }: { id?: string }) {
  return id ? <AnswerOne key={id} id={id} /> : <OpenList />;
}

function OpenList() {
  const t = useT();
  const list = useLoad('portal-surveys', (signal) =>
    api<{ items: OpenSurvey[] }>('/surveys', { signal }).then((r) => r.items),
  );
  return (
    <>
      <BackLink />
      <PageTitle lead={t('survey.mineLead')}>{t('survey.mine')}</PageTitle>
      {list.loading && !list.data ? (
        <Skeleton lines={3} />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : !list.data?.length ? (
        <EmptyState icon="check">{t('survey.mineEmpty')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {list.data.map((s) => (
            <li key={s.id}>
              <Link to={`/surveys/${s.id}`} className="card tile-row">
                <span className="card-title">
                  {local(s.surveyNameAr, s.surveyNameEn)}
                  {s.serviceNameAr ? ` — ${local(s.serviceNameAr, s.serviceNameEn)}` : ''}
                </span>
                <span className="muted">{t('survey.until', { date: dualDate(s.expiresAt).hijri })}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AnswerOne({ id }: { id: string }) {
  const t = useT();
  const form = useLoad(`portal-survey:${id}`, (signal) =>
    api<SurveyForm>(`/surveys/${encodeURIComponent(id)}`, { signal }),
  );
  const [done, setDone] = useState(false);
  if (done) return <Thanks />;
  return (
    <>
      <BackLink to="/surveys">{t('survey.mine')}</BackLink>
      {form.loading && !form.data ? (
        <Skeleton lines={5} />
      ) : form.error ? (
        <ErrorState error={form.error} onRetry={form.reload} />
      ) : form.data ? (
        <>
          <PageTitle lead={t('survey.lead')}>
            {local(form.data.survey.nameAr, form.data.survey.nameEn)}
          </PageTitle>
          <SurveyQuestions
            form={form.data}
            onSubmit={async (answers, anonymous) => {
              await post(`/surveys/${encodeURIComponent(id)}`, { answers, anonymous });
              setDone(true);
            }}
          />
        </>
      ) : null}
    </>
  );
}
