import { useState } from 'react';
import type { CharterState } from '../../../shared/contracts/disputes';
import type { PublishedText } from '../../../shared/contracts/policies';
import { Button, ButtonLink, EmptyState, ErrorState, Notice, PageTitle, Skeleton } from '../components/ui';
import { digits, useSettings, useT } from '../i18n';
import { api } from '../lib/api';
import { useSession } from '../lib/session';
import { useLoad } from '../lib/use-load';
import { publicApi } from './complaints/complaint-fields';

/**
 * /p/<slug>/charter: the beneficiary charter in force — rights, duties, consequences of breach, limits of
 * liability, how disputes are settled — open to everyone; signed in, the person accepts the version
 * shown (as they sign the declaration), and is asked again when a newer one is published.
 */
export default function Charter() {
  const t = useT();
  const { language } = useSettings();
  const { organization, me } = useSession();
  const charter = useLoad(`charter:${organization.slug}`, () =>
    publicApi<{ text: PublishedText | null }>(organization.slug, '/charter').then((r) => r.text),
  );
  const text = charter.data;
  return (
    <>
      <PageTitle lead={t('charter.lead')}>{t('charter.title')}</PageTitle>
      {charter.loading && charter.data === undefined ? (
        <Skeleton lines={6} />
      ) : charter.error ? (
        <ErrorState error={charter.error} onRetry={charter.reload} />
      ) : !text ? (
        <EmptyState icon="info">{t('charter.empty')}</EmptyState>
      ) : (
        <>
          <section className="card">
            <h2 className="card-title">{language === 'en' ? text.titleEn : text.titleAr}</h2>
            <p className="muted">{t('charter.version', { number: digits(text.versionNumber) })}</p>
            <p className="pre-wrap" dir="auto">
              {language === 'en' && text.bodyEn ? text.bodyEn : text.bodyAr}
            </p>
          </section>
          {me ? <Acceptance versionNumber={text.versionNumber} /> : null}
        </>
      )}
    </>
  );
}

function Acceptance({ versionNumber }: { versionNumber: number }) {
  const t = useT();
  const state = useLoad('charter-state', (signal) =>
    api<{ state: CharterState }>('/charter', { signal }).then((r) => r.state),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (state.loading && !state.data) return <Skeleton lines={2} />;
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  const s = state.data;
  if (!s) return null;
  if (!s.needsAcceptance) {
    return (
      <Notice tone="success" role="status" title={t('charter.acceptedTitle')}>
        <p>{t('charter.acceptedLead', { number: digits(s.acceptedVersion ?? versionNumber) })}</p>
      </Notice>
    );
  }
  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('/charter/accept', { method: 'POST', body: { versionNumber } });
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions">
      {error ? <ErrorState error={error} /> : null}
      <Button icon="check" busy={busy} onClick={() => void accept()}>
        {t('charter.accept')}
      </Button>
    </div>
  );
}

/** On the home screen: asks the signed-in person to read and accept a charter they have not accepted. */
export function CharterReminder() {
  const t = useT();
  const state = useLoad('charter-state', (signal) =>
    api<{ state: CharterState }>('/charter', { signal }).then((r) => r.state),
  );
  if (!state.data?.needsAcceptance) return null;
  return (
    <Notice
      tone="warning"
      title={t(state.data.acceptedVersion ? 'charter.changedTitle' : 'charter.askTitle')}
    >
      <p>{t('charter.askLead')}</p>
      <ButtonLink to="/charter" icon="check">
        {t('charter.read')}
      </ButtonLink>
    </Notice>
  );
}
