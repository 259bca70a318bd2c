import { useId, useState } from 'react';
import type { ComplaintKind } from '../../../../shared/contracts/complaints';
import { Button, ButtonLink, Notice, PageTitle, TextField } from '../../components/ui';
import { useT } from '../../i18n';
import { errorText } from '../../lib/api';
import { useSession } from '../../lib/session';
import { fieldProblem, KindAndText, publicApi, textReady } from './complaint-fields';

/**
 * /p/<slug>/complaint, without signing in: a complaint or a suggestion, anonymous unless the person
 * gives a name; a phone only if they want the answer. The answer is a tracking number, shown large.
 * The `website` field is a trap for scripts: hidden from people and from assistive technology.
 */
export default function PublicComplaint() {
  const t = useT();
  const { organization } = useSession();
  const id = useId();
  const [startedAt] = useState(() => Date.now());
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [tracking, setTracking] = useState<string | null>(null);

  if (tracking) return <Receipt tracking={tracking} />;

  async function send(event: React.FormEvent) {
    event.preventDefault();
    if (!textReady(text)) return;
    setBusy(true);
    setError(null);
    try {
      const receipt = await publicApi<{ trackingNumber: string }>(organization.slug, '/complaints', {
        method: 'POST',
        body: {
          kind,
          text: text.trim(),
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
          website,
          startedAt,
        },
      });
      setTracking(receipt.trackingNumber);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t('complaints.publicLead')}>{t('complaints.publicTitle')}</PageTitle>
      <form onSubmit={send} noValidate>
        <KindAndText
          kind={kind}
          onKind={setKind}
          text={text}
          onText={setText}
          textError={fieldProblem(error, 'text')}
        />
        <TextField
          label={t('complaints.nameLabel')}
          hint={t('complaints.nameHint')}
          value={name}
          maxLength={120}
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('complaints.phoneLabel')}
          hint={t('complaints.phoneHint')}
          value={phone}
          inputMode="tel"
          dir="ltr"
          autoComplete="tel"
          error={fieldProblem(error, 'phone')}
          onChange={(e) => setPhone(e.target.value)}
        />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${id}-website`}>website</label>
          <input
            id={`${id}-website`}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>
        {error && !fieldProblem(error, 'text') && !fieldProblem(error, 'phone') ? (
          <Notice tone="error" role="alert" title={errorText(error)} />
        ) : null}
        <div className="actions">
          <Button type="submit" icon="send" busy={busy} disabled={!textReady(text)}>
            {t('complaints.send')}
          </Button>
        </div>
      </form>
      <p className="muted">
        <ButtonLink to="/track" variant="plain" icon="question">
          {t('complaints.trackLink')}
        </ButtonLink>
      </p>
    </>
  );
}

function Receipt({ tracking }: { tracking: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(tracking);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <PageTitle lead={t('complaints.receivedLead')}>{t('complaints.receivedTitle')}</PageTitle>
      <section className="card" aria-labelledby="tracking-label">
        <p className="muted" id="tracking-label">
          {t('complaints.trackingNumber')}
        </p>
        <p
          dir="ltr"
          style={{ fontSize: '2.25rem', fontWeight: 800, letterSpacing: '0.06em', margin: '0.25rem 0' }}
        >
          {tracking}
        </p>
        <div className="actions">
          <Button icon={copied ? 'check' : 'file'} variant="secondary" onClick={() => void copy()}>
            {copied ? t('complaints.copied') : t('complaints.copy')}
          </Button>
          <ButtonLink to={`/track?n=${encodeURIComponent(tracking)}`} variant="plain" icon="forward">
            {t('complaints.trackLink')}
          </ButtonLink>
        </div>
        <p role="status" className="visually-hidden">
          {copied ? t('complaints.copied') : ''}
        </p>
      </section>
    </>
  );
}
