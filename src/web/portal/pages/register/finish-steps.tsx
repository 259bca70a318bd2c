import { useState } from 'react';
import type { PortalMe } from '../../../../shared/contracts/portal';
import { Icon } from '../../components/icon';
import { Button, ButtonLink, ErrorState, Notice, PageTitle, Skeleton } from '../../components/ui';
import { useT } from '../../i18n';
import { ApiError, api, errorText, post } from '../../lib/api';
import type { Items, PortalDocument } from '../../lib/portal-types';
import { useSession } from '../../lib/session';
import { useLoad } from '../../lib/use-load';
import { DocumentUpload } from '../common/document-upload';
import { SignDeclaration } from '../common/sign-declaration';
import type { StepName } from './steps';

const idType = 'national_id';

/** A photo of the ID card (or Iqama), taken with the phone's camera. */
export function DocumentsStep({ onNext }: { onNext: () => void }) {
  const t = useT();
  const documents = useLoad('documents', (signal) => api<Items<PortalDocument>>('/documents', { signal }));
  const [replacing, setReplacing] = useState(false);
  const held = documents.data?.items.filter((d) => d.type === idType && !d.expired) ?? [];
  return (
    <>
      <PageTitle lead={t('idPhoto.lead')}>{t('idPhoto.title')}</PageTitle>
      {documents.error ? <ErrorState error={documents.error} onRetry={documents.reload} /> : null}
      {!documents.data && !documents.error ? <Skeleton lines={2} block /> : null}
      {documents.data && held.length > 0 && !replacing ? (
        <>
          <Notice tone="success" title={t('idPhoto.received')} role="status" />
          <div className="actions">
            <Button icon="forward" className="flip-ltr-icon" onClick={onNext}>
              {t('common.next')}
            </Button>
            <Button variant="secondary" icon="camera" onClick={() => setReplacing(true)}>
              {t('idPhoto.another')}
            </Button>
          </div>
        </>
      ) : null}
      {documents.data && (held.length === 0 || replacing) ? (
        <>
          <ul className="check-list">
            <li>{t('idPhoto.tip1')}</li>
            <li>{t('idPhoto.tip2')}</li>
            <li>{t('idPhoto.tip3')}</li>
          </ul>
          <DocumentUpload
            type={idType}
            label={t('idPhoto.label')}
            askExpiry
            onUploaded={() => {
              setReplacing(false);
              documents.reload();
            }}
          />
        </>
      ) : null}
    </>
  );
}

/** The declaration, in the person's gender, signed with a finger (or the typed name). */
export function DeclarationStep({ onNext }: { onNext: () => void }) {
  const t = useT();
  return (
    <>
      <PageTitle lead={t('declaration.lead')}>{t('declaration.title')}</PageTitle>
      <SignDeclaration onSigned={onNext} />
    </>
  );
}

const missingStep: Record<string, StepName> = {
  national_id_document: 'documents',
  declaration: 'declaration',
};

/** Last look, then "send": the association checks the file and answers by SMS. */
export function SubmitStep({ onGoTo, onSent }: { onGoTo: (step: StepName) => void; onSent: () => void }) {
  const t = useT();
  const { setMe } = useSession();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);

  async function send() {
    setBusy(true);
    setProblem(null);
    setMissing([]);
    try {
      setMe(await post<PortalMe>('/registration/submit'));
      onSent();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'SUBMISSION_INCOMPLETE') {
        const list = error.details?.missing;
        setMissing(Array.isArray(list) ? (list as string[]) : []);
      }
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t('register.submitLead')}>{t('register.submitTitle')}</PageTitle>
      <ul className="plain-list check-list card">
        <li>
          <Icon name="check" className="ok" /> <span>{t('register.checkProfile')}</span>
        </li>
        <li>
          <Icon name="check" className="ok" /> <span>{t('register.checkPhoto')}</span>
        </li>
        <li>
          <Icon name="check" className="ok" /> <span>{t('register.checkDeclaration')}</span>
        </li>
      </ul>
      {problem ? (
        <Notice tone="error" role="alert" title={problem}>
          {missing.map((m) => (
            <Button key={m} variant="secondary" onClick={() => onGoTo(missingStep[m] ?? 'documents')}>
              {t(`register.missing.${m}`)}
            </Button>
          ))}
        </Notice>
      ) : null}
      <div className="actions">
        <Button icon="send" busy={busy} onClick={() => void send()}>
          {t('register.send')}
        </Button>
      </div>
    </>
  );
}

export function DoneStep() {
  const t = useT();
  return (
    <>
      <PageTitle lead={t('register.doneLead')}>{t('register.doneTitle')}</PageTitle>
      <Notice tone="success" title={t('home.registrationSubmittedLead')} />
      <div className="actions">
        <ButtonLink to="/" icon="home">
          {t('common.backHome')}
        </ButtonLink>
      </div>
    </>
  );
}
