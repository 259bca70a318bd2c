import { type FormEvent, useId, useState } from 'react';
import { correctableFields } from '../../../../shared/beneficiary-codes';
import { BackLink, Button, ButtonLink, FieldError, Notice, PageTitle } from '../../components/ui';
import { useT } from '../../i18n';
import { errorText, post } from '../../lib/api';

// The fields a person may ask to correct.
const fields = correctableFields;

/** A request to correct data held (PDPL): which data, the right value, why. Answered within 30 days. */
export function Correction() {
  const t = useT();
  const id = useId();
  const [field, setField] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!field) next.field = t('correction.chooseField');
    if (!value.trim()) next.value = t('common.required');
    if (reason.trim().length < 3) next.reason = t('correction.reasonNeeded');
    setErrors(next);
    if (Object.keys(next).length) return;
    setBusy(true);
    setProblem(null);
    try {
      await post('/corrections', { field, proposedValue: value.trim(), reason: reason.trim() });
      setSent(true);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <>
        <PageTitle lead={t('correction.sentLead')}>{t('correction.sent')}</PageTitle>
        <div className="actions">
          <ButtonLink to="/my-data" icon="user">
            {t('myData.title')}
          </ButtonLink>
        </div>
      </>
    );
  }

  const describe = (name: string, hint?: boolean) =>
    [hint ? `${id}-${name}-hint` : '', errors[name] ? `${id}-${name}-error` : ''].filter(Boolean).join(' ') ||
    undefined;

  return (
    <>
      <BackLink to="/my-data">{t('myData.back')}</BackLink>
      <PageTitle lead={t('correction.lead')}>{t('correction.title')}</PageTitle>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-field`}>{t('correction.field')}</label>
          <select
            id={`${id}-field`}
            value={field}
            onChange={(e) => setField(e.target.value)}
            aria-invalid={errors.field ? true : undefined}
            aria-describedby={describe('field')}
          >
            <option value="">{t('correction.chooseField')}</option>
            {fields.map((f) => (
              <option key={f} value={f}>
                {t(`fields.${f}`)}
              </option>
            ))}
          </select>
          {errors.field ? <FieldError id={`${id}-field-error`}>{errors.field}</FieldError> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-value`}>{t('correction.value')}</label>
          <textarea
            id={`${id}-value`}
            value={value}
            maxLength={500}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={describe('value')}
          />
          {errors.value ? <FieldError id={`${id}-value-error`}>{errors.value}</FieldError> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('correction.reason')}</label>
          <p className="hint" id={`${id}-reason-hint`}>
            {t('correction.reasonHint')}
          </p>
          <textarea
            id={`${id}-reason`}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={errors.reason ? true : undefined}
            aria-describedby={describe('reason', true)}
          />
          {errors.reason ? <FieldError id={`${id}-reason-error`}>{errors.reason}</FieldError> : null}
        </div>
        {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
        <div className="actions">
          <Button type="submit" icon="send" busy={busy}>
            {t('correction.send')}
          </Button>
        </div>
      </form>
    </>
  );
}
