import { type ReactElement, useEffect, useState } from 'react';
import { EmptyState, ErrorState, PageTitle, Skeleton } from '../../components/ui';
import { Frame } from '../../frame';
import { useSettings, useT } from '../../i18n';
import { ApiError } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { answerSurvey, loadSurvey } from './survey-api';
import { SurveyQuestions } from './survey-form';

/**
 * /s/<token>: the invitation sent after a service, answered without signing in. Used once: a second
 * opening says it was answered (410), an old link says it expired.
 */
export default function SurveyLink({ token }: { token: string }) {
  const t = useT();
  const { language } = useSettings();
  const form = useLoad(`survey:${token}`, (signal) => loadSurvey(token, signal));
  const [done, setDone] = useState(false);
  const org = form.data?.organization;
  const name = org ? (language === 'en' && org.nameEn ? org.nameEn : org.nameAr) : null;
  useEffect(() => {
    document.title = `${t('survey.title')} — ${name ?? t('app.name')}`;
  }, [t, name]);

  let screen: ReactElement;
  if (done) screen = <Thanks />;
  else if (form.loading && !form.data) screen = <Skeleton lines={5} />;
  else if (form.error) screen = <LinkError error={form.error} onRetry={form.reload} />;
  else if (form.data) {
    const survey = form.data.survey;
    const service = form.data.service;
    screen = (
      <>
        <PageTitle lead={t('survey.lead')}>
          {language === 'en' ? survey.nameEn : survey.nameAr}
          {service ? ` — ${language === 'en' && service.nameEn ? service.nameEn : service.nameAr}` : ''}
        </PageTitle>
        <SurveyQuestions
          form={form.data}
          onSubmit={async (answers, anonymous) => {
            await answerSurvey(token, answers, anonymous);
            setDone(true);
            window.scrollTo({ top: 0 });
          }}
        />
      </>
    );
  } else screen = <Skeleton lines={5} />;
  return (
    <Frame organization={null} name={name}>
      {screen}
    </Frame>
  );
}

export function Thanks() {
  const t = useT();
  return (
    <>
      <PageTitle lead={t('survey.thanksLead')}>{t('survey.thanks')}</PageTitle>
      <EmptyState icon="check">{t('survey.thanksUse')}</EmptyState>
    </>
  );
}

function LinkError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
    const key =
      error.code === 'SURVEY_ALREADY_ANSWERED'
        ? 'answered'
        : error.code === 'SURVEY_EXPIRED'
          ? 'expired'
          : 'unknown';
    return <PageTitle lead={t(`survey.link.${key}Lead`)}>{t(`survey.link.${key}`)}</PageTitle>;
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}
