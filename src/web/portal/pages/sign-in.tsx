import { type FormEvent, useRef, useState } from 'react';
import type { PortalMe } from '../../../shared/contracts/portal';
import { normalizeDigits } from '../../../shared/digits';
import { validateNationalId } from '../../../shared/saudi/national-id-rules';
import { Icon } from '../components/icon';
import { Button, Notice, PageTitle, TextField } from '../components/ui';
import { useT } from '../i18n';
import { ApiError, errorText, post } from '../lib/api';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

// The first screen: the ID or Iqama number, then the six-digit code sent by SMS to the registered mobile.

type Step = { kind: 'id' } | { kind: 'code'; nationalId: string; minutes: number };

export function SignIn({ ended }: { ended: boolean }) {
  const t = useT();
  const { organization, signedIn } = useSession();
  const { segments } = useLocation();
  const [step, setStep] = useState<Step>({ kind: 'id' });
  const [nationalId, setNationalId] = useState('');
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function askCode(id: string) {
    setBusy(true);
    setProblem(null);
    try {
      const answer = await post<{ expiresInSeconds: number }>('/otp', {
        organization: organization.slug,
        nationalId: id,
      });
      setStep({
        kind: 'code',
        nationalId: id,
        minutes: Math.max(1, Math.round(answer.expiresInSeconds / 60)),
      });
      setCode('');
      setFieldError(null);
      requestAnimationFrame(() => codeRef.current?.focus());
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_NATIONAL_ID') setFieldError(errorText(error));
      else setProblem(errorText(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submitId(event: FormEvent) {
    event.preventDefault();
    const checked = validateNationalId(nationalId);
    if (!checked.ok) {
      setFieldError(t(`nationalId.${checked.reason}`));
      return;
    }
    setFieldError(null);
    await askCode(checked.value);
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== 'code') return;
    const typed = normalizeDigits(code).replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setFieldError(t('signIn.codeShape'));
      return;
    }
    setBusy(true);
    setProblem(null);
    setFieldError(null);
    try {
      const me = await post<PortalMe>('/sessions', {
        organization: organization.slug,
        nationalId: step.nationalId,
        code: typed,
      });
      signedIn(me);
      // Back to the screen that asked for signing in (a link from an SMS), else home.
      navigate(segments.length ? `/${segments.join('/')}` : '/', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_CODE') setFieldError(errorText(error));
      else setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  if (step.kind === 'code') {
    return (
      <>
        <PageTitle lead={t('signIn.codeLead', { minutes: step.minutes })}>{t('signIn.codeTitle')}</PageTitle>
        {resent ? <Notice tone="success" role="status" title={t('signIn.codeResent')} /> : null}
        {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
        <form onSubmit={submitCode} noValidate>
          <TextField
            ref={codeRef}
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            className="code-input"
            error={fieldError ?? undefined}
            maxLength={12}
          />
          <div className="actions">
            <Button type="submit" icon="check" busy={busy}>
              {t('signIn.enter')}
            </Button>
            <Button
              variant="secondary"
              icon="refresh"
              disabled={busy}
              onClick={async () => {
                setResent(false);
                if (await askCode(step.nationalId)) setResent(true);
              }}
            >
              {t('signIn.resend')}
            </Button>
            <Button
              variant="plain"
              onClick={() => {
                setStep({ kind: 'id' });
                setProblem(null);
                setFieldError(null);
                setResent(false);
              }}
            >
              {t('signIn.changeId')}
            </Button>
          </div>
        </form>
      </>
    );
  }

  return (
    <>
      <PageTitle lead={t('signIn.lead')}>{t('signIn.title')}</PageTitle>
      {ended ? <Notice tone="warning" title={t('signIn.sessionEnded')} /> : null}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <form onSubmit={submitId} noValidate>
        <TextField
          label={t('signIn.nationalId')}
          hint={t('signIn.nationalIdHint')}
          value={nationalId}
          onChange={(e) => setNationalId(e.target.value)}
          inputMode="numeric"
          autoComplete="username"
          className="ltr-input"
          error={fieldError ?? undefined}
          maxLength={20}
        />
        <div className="actions">
          <Button type="submit" icon="send" busy={busy}>
            {t('signIn.sendCode')}
          </Button>
        </div>
      </form>
      <div className="card section">
        <p className="card-title">{t('signIn.noFile')}</p>
        <p className="muted">{t('signIn.noFileLead')}</p>
        <Link to="/register" className="btn btn-secondary btn-block">
          <Icon name="apply" />
          <span>{t('signIn.register')}</span>
        </Link>
      </div>
      <div className="card section">
        <p className="card-title">{t('complaints.signInTitle')}</p>
        <p className="muted">{t('complaints.signInLead')}</p>
        <Link to="/complaint" className="btn btn-secondary btn-block">
          <Icon name="edit" />
          <span>{t('complaints.publicTitle')}</span>
        </Link>
        <Link to="/track" className="btn btn-plain btn-block">
          <Icon name="question" />
          <span>{t('complaints.trackTitle')}</span>
        </Link>
        <Link to="/services" className="btn btn-plain btn-block">
          <Icon name="apply" />
          <span>{t('guide.title')}</span>
        </Link>
        <Link to="/faq" className="btn btn-plain btn-block">
          <Icon name="question" />
          <span>{t('faq.title')}</span>
        </Link>
        <Link to="/charter" className="btn btn-plain btn-block">
          <Icon name="check" />
          <span>{t('charter.title')}</span>
        </Link>
        <Link to="/policy" className="btn btn-plain btn-block">
          <Icon name="info" />
          <span>{t('policy.title')}</span>
        </Link>
        <Link to="/you-said-we-did" className="btn btn-plain btn-block">
          <Icon name="refresh" />
          <span>{t('youSaid.title')}</span>
        </Link>
      </div>
    </>
  );
}
