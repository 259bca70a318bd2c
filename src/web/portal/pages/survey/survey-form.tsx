import { type FormEvent, type ReactElement, useState } from 'react';
import type { Answers, AnswerValue, SurveyForm, SurveyQuestion } from '../../../../shared/contracts/surveys';
import { answerErrors } from '../../../../shared/survey-answers';
import { Button, FieldError, Notice } from '../../components/ui';
import { useSettings, useT } from '../../i18n';
import { ApiError, errorText } from '../../lib/api';

/**
 * The questions of one survey version, large and one per block: faces and stars as five big choices
 * with words under them (read aloud as words by a screen reader, not as pictures), 0–10 as eleven
 * buttons, choices as big radio or check boxes, free text. Used by the link page and the kiosk.
 */
export function SurveyQuestions({
  form,
  kiosk = false,
  onSubmit,
}: {
  form: SurveyForm;
  kiosk?: boolean;
  onSubmit: (answers: Answers, anonymous: boolean) => Promise<void>;
}) {
  const t = useT();
  const [answers, setAnswers] = useState<Answers>({});
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = (id: string, value: AnswerValue | null) => {
    setAnswers((a) => ({ ...a, [id]: value }));
    setErrors((e) => {
      const { [id]: _gone, ...rest } = e;
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = answerErrors(form.questions, answers);
    setErrors(found);
    const first = form.questions.find((q) => found[q.id]);
    if (first) {
      document.getElementById(`q-${first.id}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(answers, anonymous);
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fields);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className={kiosk ? 'survey survey-kiosk' : 'survey'}>
      {form.questions.map((q) => (
        <Question key={q.id} question={q} value={answers[q.id] ?? null} error={errors[q.id]} onChange={set} />
      ))}
      {form.anonymousAllowed && !kiosk ? (
        <label className="choice survey-anonymous">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <span>{t('survey.anonymous')}</span>
        </label>
      ) : null}
      {failure && !(failure instanceof ApiError && Object.keys(failure.fields).length) ? (
        <Notice tone="error">{errorText(failure)}</Notice>
      ) : null}
      <Button type="submit" icon="send" busy={busy} className="btn-block">
        {t('survey.submit')}
      </Button>
      <p className="hint">{t('survey.promise')}</p>
    </form>
  );
}

function Question({
  question: q,
  value,
  error,
  onChange,
}: {
  question: SurveyQuestion;
  value: AnswerValue | null;
  error?: string;
  onChange: (id: string, value: AnswerValue | null) => void;
}) {
  const t = useT();
  const { language } = useSettings();
  const label = language === 'en' ? q.labelEn : q.labelAr;
  const name = `q-${q.id}`;
  const errorId = `${name}-error`;
  const optionLabel = (o: { labelAr: string; labelEn: string }) =>
    language === 'en' ? o.labelEn : o.labelAr;
  const describedBy = error ? errorId : undefined;
  let body: ReactElement;
  if (q.kind === 'faces' || q.kind === 'stars') {
    body = (
      <div className={`scale scale-${q.kind}`}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="scale-choice">
            <input
              id={n === 1 ? name : undefined}
              type="radio"
              name={name}
              checked={value === n}
              onChange={() => onChange(q.id, n)}
              aria-describedby={describedBy}
            />
            {q.kind === 'faces' ? <Face level={n} /> : <Stars count={n} />}
            <span className="scale-word">{t(`survey.level${n}`)}</span>
          </label>
        ))}
      </div>
    );
  } else if (q.kind === 'nps') {
    body = (
      <>
        <div className="scale scale-nps">
          {npsPoints.map((n) => (
            <label key={n} className="scale-choice">
              <input
                id={n === 0 ? name : undefined}
                type="radio"
                name={name}
                checked={value === n}
                onChange={() => onChange(q.id, n)}
                aria-describedby={describedBy}
              />
              <span className="scale-number">{t('survey.number', { n: String(n) })}</span>
            </label>
          ))}
        </div>
        <p className="scale-ends hint">
          <span>{t('survey.npsLow')}</span>
          <span>{t('survey.npsHigh')}</span>
        </p>
      </>
    );
  } else if (q.kind === 'single' || q.kind === 'multiple') {
    const chosen = Array.isArray(value) ? value : [];
    body = (
      <div className="choice-list">
        {(q.options ?? []).map((o, i) => (
          <label key={o.id} className="choice">
            <input
              id={i === 0 ? name : undefined}
              type={q.kind === 'single' ? 'radio' : 'checkbox'}
              name={name}
              checked={q.kind === 'single' ? value === o.id : chosen.includes(o.id)}
              onChange={(e) =>
                q.kind === 'single'
                  ? onChange(q.id, o.id)
                  : onChange(q.id, e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id))
              }
              aria-describedby={describedBy}
            />
            <span>{optionLabel(o)}</span>
          </label>
        ))}
      </div>
    );
  } else {
    return (
      <div className="field survey-question">
        <label htmlFor={name} className="legend">
          {label}
          {q.required ? null : <span className="muted"> {t('survey.optional')}</span>}
        </label>
        <textarea
          id={name}
          rows={4}
          maxLength={2000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(q.id, e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        {error ? <FieldError id={errorId}>{t(`survey.errors.${error}`)}</FieldError> : null}
      </div>
    );
  }
  return (
    <fieldset className="survey-question" aria-invalid={error ? true : undefined}>
      <legend className="legend">
        {label}
        {q.required ? null : <span className="muted"> {t('survey.optional')}</span>}
      </legend>
      {body}
      {error ? <FieldError id={errorId}>{t(`survey.errors.${error}`)}</FieldError> : null}
    </fieldset>
  );
}

const npsPoints = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A face from very unhappy (1) to very happy (5): the mouth bends with the level. */
function Face({ level }: { level: number }) {
  const bend = (level - 3) * 6; // −12 … 12
  const colors = ['#b42318', '#c4320a', '#8a6d00', '#2e7d32', '#1b5e20'];
  return (
    <svg className="face" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke={colors[level - 1]} strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill={colors[level - 1]} />
      <circle cx="31" cy="19" r="2.6" fill={colors[level - 1]} />
      <path
        d={`M14 ${32 - bend / 3} Q24 ${32 + bend} 34 ${32 - bend / 3}`}
        fill="none"
        stroke={colors[level - 1]}
        strokeWidth="3"
        strokeLinecap="round"
      />
    </svg>
  );
}

function Stars({ count }: { count: number }) {
  return (
    <span className="stars" aria-hidden="true">
      {'★'.repeat(count)}
    </span>
  );
}
