import { type FormEvent, useState } from 'react';
import { normalizeDigits } from '../../../../shared/digits';
import { validateNationalId } from '../../../../shared/saudi/national-id-rules';
import { normalizeSaudiMobile } from '../../../../shared/saudi/phone-rules';
import { Button, Notice, PageTitle, TextField } from '../../components/ui';
import { digits, useT } from '../../i18n';
import { ApiError, errorText, post } from '../../lib/api';
import { useSession } from '../../lib/session';
import { DateField, type DateValue, dateIso, emptyDate } from '../common/date-field';

export interface Identity {
  nationalId: string;
  /** E.164 */
  phone: string;
  birth: DateValue;
}

/** Step 1: the ID number, the birth date and the mobile the code goes to. */
export function IdentityStep({
  initial,
  onSent,
}: {
  initial: Identity | null;
  onSent: (identity: Identity) => void;
}) {
  const t = useT();
  const { organization } = useSession();
  const [nationalId, setNationalId] = useState(initial?.nationalId ?? '');
  const [phone, setPhone] = useState(initial?.phone ? `0${initial.phone.slice(4)}` : '');
  const [birth, setBirth] = useState<DateValue>(initial?.birth ?? emptyDate('hijri'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    const id = validateNationalId(nationalId);
    if (!id.ok) next.nationalId = t(`nationalId.${id.reason}`);
    if (!dateIso(birth))
      next.birth = t(birth.day || birth.month || birth.year ? 'date.invalid' : 'date.required');
    const mobile = normalizeSaudiMobile(phone);
    if (!mobile) next.phone = t('register.phoneInvalid');
    setErrors(next);
    if (!id.ok || !mobile || Object.keys(next).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      await post('/registrations/otp', {
        organization: organization.slug,
        nationalId: id.value,
        phone: mobile,
      });
      onSent({ nationalId: id.value, phone: mobile, birth });
    } catch (error) {
      if (error instanceof ApiError && error.fields.nationalId)
        setErrors({ nationalId: error.fields.nationalId });
      else if (error instanceof ApiError && error.fields.phone) setErrors({ phone: error.fields.phone });
      else setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t('register.identityLead')}>{t('register.title')}</PageTitle>
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.nationalId')}
          hint={t('signIn.nationalIdHint')}
          value={nationalId}
          onChange={(e) => {
            setNationalId(e.target.value);
            // An Iqama (2…) holder's birth date is usually Gregorian; a citizen's (1…) Hijri.
            const first = normalizeDigits(e.target.value).trim()[0];
            if (!birth.day && !birth.month && !birth.year && (first === '1' || first === '2'))
              setBirth(emptyDate(first === '2' ? 'gregorian' : 'hijri'));
          }}
          inputMode="numeric"
          autoComplete="off"
          className="ltr-input"
          maxLength={20}
          error={errors.nationalId}
        />
        <DateField
          legend={t('register.birthDate')}
          hint={t('register.birthDateHint')}
          value={birth}
          onChange={setBirth}
          error={errors.birth}
        />
        <TextField
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          className="ltr-input"
          maxLength={20}
          error={errors.phone}
        />
        <div className="actions">
          <Button type="submit" icon="send" busy={busy}>
            {t('register.sendCode')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Step 2: the six-digit code sent to that mobile (checked when the record is created, next step). */
export function CodeStep({
  identity,
  code: initial,
  error,
  onCode,
  onBack,
}: {
  identity: Identity;
  code: string;
  error: string | null;
  onCode: (code: string) => void;
  onBack: () => void;
}) {
  const t = useT();
  const { organization } = useSession();
  const [code, setCode] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(error);
  const [resent, setResent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const localPhone = `0${identity.phone.slice(4)}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = normalizeDigits(code).replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setFieldError(t('signIn.codeShape'));
      return;
    }
    onCode(typed);
  }

  async function resend() {
    setBusy(true);
    setResent(null);
    try {
      await post('/registrations/otp', {
        organization: organization.slug,
        nationalId: identity.nationalId,
        phone: identity.phone,
      });
      setResent(t('signIn.codeResent'));
    } catch (e) {
      setFieldError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t('register.codeLead', { phone: digits(localPhone) })}>
        {t('signIn.codeTitle')}
      </PageTitle>
      <Notice tone="info">
        <p>{t('register.codeAlready')}</p>
      </Notice>
      {resent ? <Notice tone="success" role="status" title={resent} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('signIn.code')}
          hint={t('signIn.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          inputMode="numeric"
          autoComplete="one-time-code"
          className="code-input"
          maxLength={12}
          error={fieldError ?? undefined}
        />
        <div className="actions">
          <Button type="submit" icon="check">
            {t('common.next')}
          </Button>
          <Button variant="secondary" icon="refresh" busy={busy} onClick={() => void resend()}>
            {t('signIn.resend')}
          </Button>
          <Button variant="plain" onClick={onBack}>
            {t('register.changeDetails')}
          </Button>
        </div>
      </form>
    </>
  );
}
