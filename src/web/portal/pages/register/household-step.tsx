import { type FormEvent, useId, useState } from 'react';
import { householdRelations } from '../../../../shared/beneficiary-codes';
import { validateNationalId } from '../../../../shared/saudi/national-id-rules';
import { Icon } from '../../components/icon';
import { Button, ErrorState, FieldError, Notice, PageTitle, Skeleton, TextField } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText, post } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { DateField, type DateValue, dateIso, emptyDate, isEmptyDate } from '../common/date-field';

interface Member {
  id: string;
  relation: string;
  fullName: string;
  gender: 'male' | 'female';
}

const relations = householdRelations;

/** The people who live with the person (optional): the list, "add one", "remove". */
export function HouseholdStep({ onNext }: { onNext: () => void }) {
  const t = useT();
  const household = useLoad('household', (signal) => api<{ items: Member[] }>('/household', { signal }));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const items = household.data?.items ?? [];

  async function remove(member: Member) {
    setRemoving(member.id);
    setProblem(null);
    try {
      await api(`/household/${member.id}`, { method: 'DELETE' });
      household.reload();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setRemoving(null);
    }
  }

  return (
    <>
      <PageTitle lead={t('household.lead')}>{t('household.title')}</PageTitle>
      {household.error ? <ErrorState error={household.error} onRetry={household.reload} /> : null}
      {!household.data && !household.error ? <Skeleton lines={2} block /> : null}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      {household.data && items.length === 0 && !adding ? (
        <p className="muted">{t('household.none')}</p>
      ) : null}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id} className="card member">
            <span>
              <Icon name="user" /> <strong>{m.fullName}</strong>
              <span className="muted date-pair">{t(`relations.${m.relation}`)}</span>
            </span>
            <Button
              variant="plain"
              icon="trash"
              busy={removing === m.id}
              onClick={() => void remove(m)}
              aria-label={t('household.removeNamed', { name: m.fullName })}
            >
              {t('household.remove')}
            </Button>
          </li>
        ))}
      </ul>
      {adding ? (
        <MemberForm
          onAdded={() => {
            setAdding(false);
            household.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="actions">
          <Button variant="secondary" icon="plus" onClick={() => setAdding(true)}>
            {t('household.add')}
          </Button>
          <Button icon="forward" className="flip-ltr-icon" onClick={onNext}>
            {items.length ? t('common.next') : t('household.skip')}
          </Button>
        </div>
      )}
    </>
  );
}

function MemberForm({ onAdded, onCancel }: { onAdded: () => void; onCancel: () => void }) {
  const t = useT();
  const id = useId();
  const [relation, setRelation] = useState('');
  const [fullName, setFullName] = useState('');
  const [gender, setGender] = useState<'male' | 'female' | ''>('');
  const [birth, setBirth] = useState<DateValue>(emptyDate('hijri'));
  const [nationalId, setNationalId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!relation) next.relation = t('household.chooseRelation');
    if (fullName.trim().length < 2) next.fullName = t('common.required');
    if (!gender) next.gender = t('register.chooseGender');
    const birthIso = isEmptyDate(birth) ? null : dateIso(birth);
    if (!isEmptyDate(birth) && !birthIso) next.birth = t('date.invalid');
    const id = nationalId.trim() ? validateNationalId(nationalId) : null;
    if (id && !id.ok) next.nationalId = t(`nationalId.${id.reason}`);
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      await post('/household', {
        relation,
        fullName: fullName.trim(),
        gender,
        ...(birthIso ? { [birth.calendar === 'hijri' ? 'birthDateHijri' : 'birthDate']: birthIso } : {}),
        ...(id?.ok ? { nationalId: id.value } : {}),
      });
      onAdded();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="card section">
      <h2>{t('household.add')}</h2>
      <div className="field">
        <label htmlFor={`${id}-relation`}>{t('household.relation')}</label>
        <select
          id={`${id}-relation`}
          value={relation}
          onChange={(e) => setRelation(e.target.value)}
          aria-invalid={errors.relation ? true : undefined}
          aria-describedby={errors.relation ? `${id}-relation-error` : undefined}
        >
          <option value="">{t('household.chooseRelation')}</option>
          {relations.map((r) => (
            <option key={r} value={r}>
              {t(`relations.${r}`)}
            </option>
          ))}
        </select>
        {errors.relation ? <FieldError id={`${id}-relation-error`}>{errors.relation}</FieldError> : null}
      </div>
      <TextField
        label={t('household.fullName')}
        value={fullName}
        onChange={(e) => setFullName(e.target.value)}
        maxLength={200}
        error={errors.fullName}
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
      <DateField
        legend={t('household.birthDateOptional')}
        value={birth}
        onChange={setBirth}
        error={errors.birth}
      />
      <TextField
        label={t('household.nationalIdOptional')}
        value={nationalId}
        onChange={(e) => setNationalId(e.target.value)}
        inputMode="numeric"
        className="ltr-input"
        maxLength={20}
        error={errors.nationalId}
      />
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <div className="actions">
        <Button type="submit" icon="plus" busy={busy}>
          {t('household.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
