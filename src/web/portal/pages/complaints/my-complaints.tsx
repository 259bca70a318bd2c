import { useState } from 'react';
import type { ComplaintKind, PortalComplaintItem } from '../../../../shared/contracts/complaints';
import { DualDate } from '../../components/status';
import { BackLink, Button, EmptyState, ErrorState, Notice, PageTitle, Skeleton } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText, post } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { fieldProblem, KindAndText, textReady } from './complaint-fields';

/** Signed in: send a complaint or a suggestion, and follow one's own with the association's answer. */
export default function MyComplaints() {
  const t = useT();
  const list = useLoad('complaints', (signal) =>
    api<{ items: PortalComplaintItem[] }>('/complaints', { signal }),
  );
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!textReady(text)) return;
    setBusy(true);
    setError(null);
    try {
      const made = await post<PortalComplaintItem>('/complaints', { kind, text: text.trim() });
      setSent(made.trackingNumber);
      setText('');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const items = list.data?.items ?? [];
  return (
    <>
      <BackLink />
      <PageTitle lead={t('complaints.mineLead')}>{t('complaints.mineTitle')}</PageTitle>
      <form onSubmit={send} noValidate className="section">
        <KindAndText
          kind={kind}
          onKind={setKind}
          text={text}
          onText={setText}
          textError={fieldProblem(error, 'text')}
        />
        {error && !fieldProblem(error, 'text') ? (
          <Notice tone="error" role="alert" title={errorText(error)} />
        ) : null}
        {sent ? (
          <Notice tone="success" role="status" title={t('complaints.receivedTitle')}>
            <p>
              {t('complaints.trackingNumber')}: <bdi dir="ltr">{sent}</bdi>
            </p>
          </Notice>
        ) : null}
        <div className="actions">
          <Button type="submit" icon="send" busy={busy} disabled={!textReady(text)}>
            {t('complaints.send')}
          </Button>
        </div>
      </form>
      <h2>{t('complaints.mineList')}</h2>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Skeleton lines={3} block /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState icon="mail">{t('complaints.mineEmpty')}</EmptyState>
      ) : null}
      <ul className="plain-list">
        {items.map((c) => (
          <li key={c.id} className="card">
            <p className="card-title">
              <span>
                {t(`complaints.kinds.${c.kind}`)} <bdi dir="ltr">{c.trackingNumber}</bdi>
              </span>
              <strong>{t(`complaints.status.${c.status}`)}</strong>
            </p>
            <p className="muted">
              <DualDate value={c.createdAt} />
            </p>
            <p className="pre-wrap">{c.text}</p>
            {c.reply ? (
              <Notice tone="info" title={t('complaints.replyTitle')}>
                <p className="pre-wrap">{c.reply}</p>
              </Notice>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
