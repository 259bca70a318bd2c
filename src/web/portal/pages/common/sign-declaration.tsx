import { type FormEvent, useRef, useState } from 'react';
import { Icon } from '../../components/icon';
import { DualDate } from '../../components/status';
import { Button, ErrorState, Notice, Skeleton, TextField } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText, post } from '../../lib/api';
import type { PortalDeclaration } from '../../lib/portal-types';
import { useLoad } from '../../lib/use-load';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';

// The declaration that the data given is correct (policy step 4), in the person's grammatical gender,
// signed with a finger on the screen, or by typing one's name for those who cannot draw.

export function SignDeclaration({ onSigned }: { onSigned: () => void }) {
  const t = useT();
  const declaration = useLoad('declaration', (signal) => api<PortalDeclaration>('/declaration', { signal }));
  const padRef = useRef<SignaturePadHandle>(null);
  const [mode, setMode] = useState<'drawn' | 'typed'>('drawn');
  const [hasInk, setHasInk] = useState(false);
  const [typedName, setTypedName] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (declaration.error) return <ErrorState error={declaration.error} onRetry={declaration.reload} />;
  if (!declaration.data) return <Skeleton lines={5} />;
  const text = declaration.data;

  if (text.signedCurrent) {
    return (
      <Notice tone="success" title={t('declaration.signed')}>
        {text.signedAt ? (
          <p>
            {t('declaration.signedOn')} <DualDate value={text.signedAt} />
          </p>
        ) : null}
        <Button icon="forward" className="flip-ltr-icon" onClick={onSigned}>
          {t('common.next')}
        </Button>
      </Notice>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    let signature: { kind: 'drawn'; image: string } | { kind: 'typed'; name: string };
    if (mode === 'drawn') {
      const image = padRef.current?.image();
      if (!image) {
        setFieldError(t('declaration.drawFirst'));
        return;
      }
      signature = { kind: 'drawn', image };
    } else {
      if (typedName.trim().length < 2) {
        setFieldError(t('declaration.typeName'));
        return;
      }
      signature = { kind: 'typed', name: typedName.trim() };
    }
    setFieldError(undefined);
    setBusy(true);
    setProblem(null);
    try {
      await post('/declarations', { textVersion: text.version, signature });
      declaration.reload();
      onSigned();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {text.reason === 'text_changed' || text.reason === 'data_changed' ? (
        <Notice tone="warning" title={t(`declaration.again.${text.reason}`)} />
      ) : null}
      <h2>{t('declaration.read')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be reachable by keyboard */}
      <section className="declaration-text" tabIndex={0} aria-label={t('declaration.textLabel')}>
        {text.text}
      </section>
      <h2 className="section">{t('declaration.sign')}</h2>
      <div className="choices">
        {(['drawn', 'typed'] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="signature-kind"
              checked={mode === kind}
              onChange={() => {
                setMode(kind);
                setFieldError(undefined);
              }}
            />
            <span>{t(`declaration.${kind}`)}</span>
          </label>
        ))}
      </div>
      {mode === 'drawn' ? (
        <div className="field section">
          <p className="hint">{t('declaration.drawHint')}</p>
          <SignaturePad ref={padRef} label={t('declaration.padLabel')} onChange={setHasInk} />
          <Button variant="plain" icon="trash" disabled={!hasInk} onClick={() => padRef.current?.clear()}>
            {t('declaration.clear')}
          </Button>
        </div>
      ) : (
        <div className="section">
          <TextField
            label={t('declaration.typedName')}
            hint={t('declaration.typedHint')}
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
            autoComplete="name"
          />
        </div>
      )}
      {fieldError ? (
        <p className="field-error" role="alert">
          <Icon name="alert" />
          <span>{fieldError}</span>
        </p>
      ) : null}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <div className="actions">
        <Button type="submit" icon="signature" busy={busy}>
          {t('declaration.agreeAndSign')}
        </Button>
      </div>
    </form>
  );
}
