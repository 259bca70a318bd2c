import { useState } from 'react';
import { Icon } from '../../components/icon';
import { DualDate, RequestNumber } from '../../components/status';
import { Button, ButtonLink, Notice, PageTitle } from '../../components/ui';
import { useT } from '../../i18n';
import { ApiError, errorText, post } from '../../lib/api';
import { local, localName } from '../../lib/format';
import type { PortalMissingItem, PortalRequest } from '../../lib/portal-types';
import { DocumentUpload } from '../common/document-upload';
import { SignDeclaration } from '../common/sign-declaration';

/** A request not sent yet: what is still missing, each with the means to add it here, then "send". */
export function DraftPanel({
  request,
  onChanged,
  onSubmitted,
}: {
  request: PortalRequest;
  onChanged: () => void;
  onSubmitted: (request: PortalRequest) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [signing, setSigning] = useState(false);
  const missing = request.missing;

  async function submit() {
    setBusy(true);
    setProblem(null);
    try {
      onSubmitted(await post<PortalRequest>(`/requests/${request.id}/submit`));
    } catch (error) {
      setProblem(errorText(error));
      if (error instanceof ApiError && error.code === 'SUBMISSION_INCOMPLETE') onChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section">
      <Notice tone="warning" title={t('draft.notSent')}>
        <p>{missing.length > 0 ? t('draft.missingLead') : t('draft.readyLead')}</p>
      </Notice>
      {missing.length > 0 ? (
        <>
          <h2>{t('draft.missingTitle')}</h2>
          <ul className="plain-list">
            {missing.map((item) => (
              <li key={keyOf(item)} className="card">
                <MissingItem item={item} onChanged={onChanged} signing={signing} setSigning={setSigning} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul className="plain-list check-list card">
          <li>
            <Icon name="check" className="ok" />
            <span>{t('draft.allThere')}</span>
          </li>
        </ul>
      )}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <div className="actions">
        <Button icon="send" busy={busy} disabled={!request.canSubmit} onClick={() => void submit()}>
          {t('draft.send')}
        </Button>
      </div>
    </section>
  );
}

const keyOf = (item: PortalMissingItem) =>
  item.kind === 'document'
    ? `document:${item.code}`
    : item.kind === 'profile'
      ? `profile:${item.field}`
      : 'declaration';

function MissingItem({
  item,
  onChanged,
  signing,
  setSigning,
}: {
  item: PortalMissingItem;
  onChanged: () => void;
  signing: boolean;
  setSigning: (on: boolean) => void;
}) {
  const t = useT();
  if (item.kind === 'document') {
    const label = local(item.labelAr, item.labelEn);
    return (
      <>
        <p className="card-title">
          <span>
            <Icon name="file" /> {label}
          </span>
        </p>
        <p className="muted">{t(item.expired ? 'draft.documentExpired' : 'draft.documentMissing')}</p>
        <DocumentUpload type={item.code} label={label} onUploaded={onChanged} />
      </>
    );
  }
  if (item.kind === 'declaration') {
    return (
      <>
        <p className="card-title">
          <span>
            <Icon name="signature" /> {t('draft.declaration')}
          </span>
        </p>
        <p className="muted">{t(`draft.declarationReason.${item.reason}`)}</p>
        {signing ? (
          <SignDeclaration
            onSigned={() => {
              setSigning(false);
              onChanged();
            }}
          />
        ) : (
          <Button icon="signature" onClick={() => setSigning(true)} className="btn-block">
            {t('draft.signNow')}
          </Button>
        )}
      </>
    );
  }
  return (
    <>
      <p className="card-title">
        <span>
          <Icon name="user" /> {t(item.field === 'status' ? 'draft.fileNotAccepted' : `fields.${item.field}`)}
        </span>
      </p>
      <p className="muted">
        {t(item.field === 'status' ? 'draft.fileNotAcceptedLead' : 'draft.profileLead')}
      </p>
    </>
  );
}

/** After sending: received, when the decision is due (both calendars), and that an SMS follows. */
export function Received({ request }: { request: PortalRequest }) {
  const t = useT();
  return (
    <>
      <PageTitle lead={t('received.lead')}>{t('received.title')}</PageTitle>
      <Notice
        tone="success"
        title={localName({ nameAr: request.serviceNameAr, nameEn: request.serviceNameEn })}
      >
        <p>
          <RequestNumber number={request.number} />
        </p>
      </Notice>
      {request.expectedDecisionAt ? (
        <section className="section card">
          <h2>
            <Icon name="clock" /> {t('received.decisionBy')}
          </h2>
          <DualDate value={request.expectedDecisionAt} />
        </section>
      ) : null}
      <p>{t('received.sms')}</p>
      <div className="actions">
        <ButtonLink to={`/requests`} icon="requests">
          {t('home.requests')}
        </ButtonLink>
        <ButtonLink to="/" icon="home" variant="secondary">
          {t('common.backHome')}
        </ButtonLink>
      </div>
    </>
  );
}
