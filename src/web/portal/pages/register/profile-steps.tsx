import { type FormEvent, useId, useState } from 'react';
import type { PortalMe } from '../../../../shared/contracts/portal';
import { Button, ButtonLink, FieldError, Notice, PageTitle, TextField } from '../../components/ui';
import { useSettings, useT } from '../../i18n';
import { ApiError, api, errorText, post } from '../../lib/api';
import { useMe, useSession } from '../../lib/session';
import { dateIso } from '../common/date-field';
import type { Identity } from './identity-steps';

// Step 3 of a new registration (the record is created), and the first step of one resumed or returned.

const nationalities = [
  'YE',
  'EG',
  'SY',
  'SD',
  'PK',
  'IN',
  'BD',
  'PH',
  'JO',
  'PS',
  'ID',
  'ET',
  'ER',
  'SO',
  'AF',
  'LK',
  'NP',
  'NG',
  'TD',
  'MR',
  'IQ',
  'LB',
  'MA',
  'TR',
];

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Step 3: name, gender, nationality, city; creates the record (pending verification) and signs in. */
export function ProfileStep({
  identity,
  code,
  onCreated,
  onWrongCode,
  onStartAgain,
}: {
  identity: Identity;
  code: string;
  onCreated: () => void;
  onWrongCode: (message: string) => void;
  onStartAgain: () => void;
}) {
  const t = useT();
  const id = useId();
  const { language } = useSettings();
  const { organization, signedIn } = useSession();
  const citizen = identity.nationalId.startsWith('1');
  const [fullNameAr, setFullNameAr] = useState('');
  const [gender, setGender] = useState<'male' | 'female' | ''>('');
  const [nationality, setNationality] = useState(citizen ? 'SA' : '');
  const [city, setCity] = useState('');
  const [district, setDistrict] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ text: string; taken?: boolean; locked?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (fullNameAr.trim().split(/\s+/).length < 3 || fullNameAr.trim().length < 5)
      next.fullNameAr = t('register.nameHint');
    if (!gender) next.gender = t('register.chooseGender');
    if (!nationality) next.nationality = t('register.chooseNationality');
    if (!city.trim()) next.city = t('common.required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const birth = dateIso(identity.birth)!;
    setBusy(true);
    setProblem(null);
    try {
      const me = await post<PortalMe>('/registrations', {
        organization: organization.slug,
        nationalId: identity.nationalId,
        code,
        fullNameAr: fullNameAr.trim(),
        gender,
        ...(identity.birth.calendar === 'hijri' ? { birthDateHijri: birth } : { birthDate: birth }),
        nationality,
        city: city.trim(),
        ...(district.trim() ? { district: district.trim() } : {}),
      });
      signedIn(me);
      onCreated();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_CODE') onWrongCode(errorText(error));
      else if (error instanceof ApiError && error.code === 'CODE_LOCKED')
        setProblem({ text: errorText(error), locked: true });
      else if (error instanceof ApiError && error.status === 409)
        setProblem({ text: t('register.taken'), taken: true });
      else setProblem({ text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t('register.profileLead')}>{t('register.profileTitle')}</PageTitle>
      {problem ? (
        <Notice tone="error" role="alert" title={problem.text}>
          {problem.taken ? (
            <ButtonLink to="/" icon="user">
              {t('signIn.title')}
            </ButtonLink>
          ) : null}
          {problem.locked ? (
            <Button variant="secondary" onClick={onStartAgain}>
              {t('register.changeDetails')}
            </Button>
          ) : null}
        </Notice>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.fullNameAr')}
          hint={t('register.nameHint')}
          value={fullNameAr}
          onChange={(e) => setFullNameAr(e.target.value)}
          autoComplete="name"
          maxLength={200}
          error={errors.fullNameAr}
        />
        <fieldset className="field" aria-describedby={errors.gender ? `${id}-gender-error` : undefined}>
          <legend className="legend">{t('fields.gender')}</legend>
          <div className="choices">
            {(['male', 'female'] as const).map((g) => (
              <label key={g} className="choice">
                <input
                  type="radio"
                  name={`${id}-gender`}
                  checked={gender === g}
                  onChange={() => setGender(g)}
                />
                <span>{t(`gender.${g}`)}</span>
              </label>
            ))}
          </div>
          {errors.gender ? <FieldError id={`${id}-gender-error`}>{errors.gender}</FieldError> : null}
        </fieldset>
        {citizen ? null : (
          <div className="field">
            <label htmlFor={`${id}-nationality`}>{t('fields.nationality')}</label>
            <select
              id={`${id}-nationality`}
              value={nationality}
              onChange={(e) => setNationality(e.target.value)}
              aria-invalid={errors.nationality ? true : undefined}
              aria-describedby={errors.nationality ? `${id}-nationality-error` : undefined}
            >
              <option value="">{t('register.chooseNationality')}</option>
              {nationalities.map((code) => (
                <option key={code} value={code}>
                  {countryName(code, language)}
                </option>
              ))}
            </select>
            {errors.nationality ? (
              <FieldError id={`${id}-nationality-error`}>{errors.nationality}</FieldError>
            ) : null}
          </div>
        )}
        <TextField
          label={t('fields.city')}
          value={city}
          onChange={(e) => setCity(e.target.value)}
          autoComplete="address-level2"
          maxLength={80}
          error={errors.city}
        />
        <TextField
          label={t('register.districtOptional')}
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
          autoComplete="address-level3"
          maxLength={80}
        />
        <div className="actions">
          <Button type="submit" icon="check" busy={busy}>
            {t('register.createFile')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** A returned (or unfinished) registration: the staff's reason, and the address to check or fix. */
export function UpdateStep({ onNext }: { onNext: () => void }) {
  const t = useT();
  const me = useMe();
  const { setMe } = useSession();
  const [city, setCity] = useState(me.city);
  const [district, setDistrict] = useState(me.district ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const returned = me.registration?.state === 'returned';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!city.trim()) {
      setErrors({ city: t('common.required') });
      return;
    }
    setErrors({});
    if (city.trim() === me.city && district.trim() === (me.district ?? '')) {
      onNext();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      setMe(
        await api<PortalMe>('/me/profile', {
          method: 'PATCH',
          body: { city: city.trim(), district: district.trim() || undefined },
        }),
      );
      onNext();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle lead={t(returned ? 'register.returnedLead' : 'register.resumeLead')}>
        {t(returned ? 'register.returnedTitle' : 'register.resumeTitle')}
      </PageTitle>
      {returned && me.registration?.returnReason ? (
        <Notice tone="warning" title={t('home.returnReason')}>
          <p className="pre-wrap">{me.registration.returnReason}</p>
        </Notice>
      ) : null}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.city')}
          value={city}
          onChange={(e) => setCity(e.target.value)}
          autoComplete="address-level2"
          maxLength={80}
          error={errors.city}
        />
        <TextField
          label={t('register.districtOptional')}
          value={district}
          onChange={(e) => setDistrict(e.target.value)}
          autoComplete="address-level3"
          maxLength={80}
        />
        <p className="muted">{t('register.otherFixes')}</p>
        <div className="actions">
          <Button type="submit" icon="check" busy={busy}>
            {t('common.next')}
          </Button>
        </div>
      </form>
    </>
  );
}
