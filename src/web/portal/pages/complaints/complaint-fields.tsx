import { useId } from 'react';
import type { ComplaintKind } from '../../../../shared/contracts/complaints';
import { FieldError } from '../../components/ui';
import { useT } from '../../i18n';
import { ApiError, api } from '../../lib/api';

/** The two kinds as big choices, and the text: what every complaint form asks first. */
export function KindAndText({
  kind,
  onKind,
  text,
  onText,
  textError,
}: {
  kind: ComplaintKind;
  onKind: (kind: ComplaintKind) => void;
  text: string;
  onText: (text: string) => void;
  textError?: string;
}) {
  const t = useT();
  const id = useId();
  return (
    <>
      <fieldset className="field">
        <legend className="legend">{t('complaints.kindQuestion')}</legend>
        <div className="choices">
          {(['complaint', 'suggestion'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => onKind(k)} />
              <span>{t(`complaints.kinds.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t(`complaints.textLabel.${kind}`)}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('complaints.textHint')}
        </p>
        <textarea
          id={`${id}-text`}
          value={text}
          maxLength={3000}
          required
          aria-describedby={`${id}-hint${textError ? ` ${id}-error` : ''}`}
          aria-invalid={textError ? true : undefined}
          onChange={(e) => onText(e.target.value)}
        />
        {textError ? <FieldError id={`${id}-error`}>{textError}</FieldError> : null}
      </div>
    </>
  );
}

/** The text is long enough to send (the server asks for five characters or more). */
export const textReady = (text: string) => text.trim().length >= 5;

/** A field's message from a 400 answer, when the server named that field. */
export function fieldProblem(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const fields = (error.details?.fields ?? {}) as Record<string, unknown>;
  return typeof fields[field] === 'string' ? (fields[field] as string) : undefined;
}

/**
 * The association's public complaint endpoints (no portal session): /api/v1/public/<slug>/…, reached
 * through the portal's client (same headers and errors) from its base /api/v1/portal.
 */
export const publicApi = <T,>(slug: string, path: string, init: { method?: string; body?: unknown } = {}) =>
  api<T>(`/../public/${encodeURIComponent(slug)}${path}`, init);
