import { useState } from 'react';
import { Icon } from '../../components/icon';
import { DualDate, RequestNumber, StatusWords } from '../../components/status';
import {
  BackLink,
  Button,
  ConfirmDialog,
  ErrorState,
  Notice,
  PageTitle,
  Skeleton,
} from '../../components/ui';
import { useSettings, useT } from '../../i18n';
import { api, errorText, portalApi, post } from '../../lib/api';
import { localName } from '../../lib/format';
import type { PortalRequest } from '../../lib/portal-types';
import { useLoad } from '../../lib/use-load';
import { DraftPanel, Received } from './draft-panel';
import { InfoPanel } from './info-panel';

/**
 * One request: where it stands, what is still missing (a draft) or asked for (needs_info) with the
 * means to add it from here, its history in words, the decision letter once there is one, and
 * withdrawing it (after a confirmation).
 */
export default function RequestPage({ id }: { id: string }) {
  const t = useT();
  const { language } = useSettings();
  const request = useLoad(`request:${id}`, (signal) => api<PortalRequest>(`/requests/${id}`, { signal }));
  const [received, setReceived] = useState<PortalRequest | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  if (received) return <Received request={received} />;
  if (request.error) {
    return (
      <>
        <BackLink to="/requests">{t('requests.back')}</BackLink>
        <PageTitle>{t('requests.title')}</PageTitle>
        <ErrorState error={request.error} onRetry={request.reload} />
      </>
    );
  }
  const r = request.data;
  if (!r) return <Skeleton lines={6} />;

  async function withdraw() {
    setWithdrawing(true);
    setProblem(null);
    try {
      await post(`/requests/${id}/withdraw`, {});
      setConfirming(false);
      request.reload();
    } catch (error) {
      setConfirming(false);
      setProblem(errorText(error));
    } finally {
      setWithdrawing(false);
    }
  }

  const decided = ['approved', 'rejected', 'registered', 'delivered', 'closed'].includes(r.status);
  return (
    <>
      <BackLink to="/requests">{t('requests.back')}</BackLink>
      <PageTitle lead={<RequestNumber number={r.number} />}>
        {localName({ nameAr: r.serviceNameAr, nameEn: r.serviceNameEn })}
      </PageTitle>
      {r.status === 'draft' ? null : (
        <p>
          <StatusWords status={r.status} />
        </p>
      )}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}

      {r.status === 'draft' ? (
        <DraftPanel request={r} onChanged={request.reload} onSubmitted={setReceived} />
      ) : null}
      {r.status === 'needs_info' && r.infoRequest ? <InfoPanel request={r} onSent={request.reload} /> : null}

      {r.expectedDecisionAt && !decided && r.status !== 'draft' && r.status !== 'withdrawn' ? (
        <section className="section card">
          <h2>
            <Icon name="clock" /> {t('requests.expected')}
          </h2>
          <DualDate value={r.expectedDecisionAt} />
        </section>
      ) : null}

      {r.letterAvailable ? (
        <section className="section">
          <h2>{t('requests.letter')}</h2>
          <p>{t('requests.letterLead')}</p>
          <a
            className="btn btn-primary btn-block"
            href={`${portalApi}/requests/${id}/letter.pdf`}
            download={`${t('requests.letterFile')}-${r.number}.pdf`}
          >
            <Icon name="download" />
            <span>{t('requests.downloadLetter')}</span>
          </a>
        </section>
      ) : null}

      {r.history.length > 0 ? (
        <section className="section">
          <h2>{t('requests.history')}</h2>
          <ol className="timeline">
            {r.history.map((h) => (
              <li key={`${h.at}-${h.status}`}>
                <strong>{language === 'en' ? h.wordsEn : h.wordsAr}</strong>
                <DualDate value={h.at} withTime />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {r.canWithdraw ? (
        <div className="actions">
          <Button variant="secondary" icon="x" onClick={() => setConfirming(true)}>
            {t('requests.withdraw')}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('requests.withdrawTitle')}
        confirmLabel={t('requests.withdrawConfirm')}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
        busy={withdrawing}
      >
        <p>{t('requests.withdrawLead')}</p>
      </ConfirmDialog>
    </>
  );
}
