import { useState } from 'react';
import type { PublicComplaintStatus } from '../../../../shared/contracts/complaints';
import { DualDate } from '../../components/status';
import { Button, ButtonLink, Notice, PageTitle, TextField } from '../../components/ui';
import { useT } from '../../i18n';
import { ApiError, errorText } from '../../lib/api';
import { useLocation } from '../../lib/router';
import { useSession } from '../../lib/session';
import { publicApi } from './complaint-fields';

/** /p/<slug>/track: the tracking number → where the complaint stands (never what it says). */
export default function TrackComplaint() {
  const t = useT();
  const { organization } = useSession();
  const { search } = useLocation();
  const [number, setNumber] = useState(search.get('n') ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PublicComplaintStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function look(event: React.FormEvent) {
    event.preventDefault();
    if (!number.trim()) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await publicApi<PublicComplaintStatus>(
          organization.slug,
          `/complaints/${encodeURIComponent(number.trim())}`,
        ),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const unknown = error instanceof ApiError && error.status === 404;
  return (
    <>
      <PageTitle lead={t('complaints.trackLead')}>{t('complaints.trackTitle')}</PageTitle>
      <form onSubmit={look} noValidate>
        <TextField
          label={t('complaints.trackingNumber')}
          hint={t('complaints.trackingHint')}
          value={number}
          dir="ltr"
          autoCapitalize="characters"
          autoComplete="off"
          onChange={(e) => setNumber(e.target.value)}
          error={unknown ? t('complaints.unknownNumber') : undefined}
        />
        {error && !unknown ? <Notice tone="error" role="alert" title={errorText(error)} /> : null}
        <div className="actions">
          <Button type="submit" icon="question" busy={busy} disabled={!number.trim()}>
            {t('complaints.trackSubmit')}
          </Button>
        </div>
      </form>
      {result ? (
        <section className="card" aria-live="polite">
          <p className="card-title">
            <span>
              {t(`complaints.kinds.${result.kind}`)} <bdi dir="ltr">{result.trackingNumber}</bdi>
            </span>
          </p>
          <p>
            <strong>{t(`complaints.status.${result.status}`)}</strong>
          </p>
          <p className="muted">
            {t('complaints.sentOn')} <DualDate value={result.createdAt} />
          </p>
          {result.answered ? (
            <p>{t('complaints.answeredNote')}</p>
          ) : (
            <p className="muted">
              {t('complaints.dueBy')} <DualDate value={result.dueAt} />
            </p>
          )}
          {result.closedAt ? (
            <p className="muted">
              {t('complaints.closedOn')} <DualDate value={result.closedAt} />
            </p>
          ) : null}
        </section>
      ) : null}
      <p>
        <ButtonLink to="/complaint" variant="plain" icon="edit">
          {t('complaints.newLink')}
        </ButtonLink>
      </p>
    </>
  );
}
