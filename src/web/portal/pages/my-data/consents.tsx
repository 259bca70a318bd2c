import { useState } from 'react';
import { DualDate } from '../../components/status';
import { BackLink, Button, ErrorState, Notice, PageTitle, Skeleton } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText } from '../../lib/api';
import { useLoad } from '../../lib/use-load';

interface ConsentItem {
  purpose: string;
  granted: boolean | null;
  recordedAt: string | null;
  /** Given under an older text: the association asks again. */
  textChanged?: boolean;
}

/** Consent per purpose (PDPL): what each one means, and a switch to give or take it back. */
export function Consents() {
  const t = useT();
  const consents = useLoad('consents', (signal) => api<{ items: ConsentItem[] }>('/consents', { signal }));
  const [saving, setSaving] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [items, setItems] = useState<ConsentItem[] | null>(null);
  const shown = items ?? consents.data?.items ?? [];

  async function change(purpose: string, granted: boolean) {
    const before = shown;
    // The switch moves at once; it moves back if the association's server refuses the change.
    setItems(before.map((c) => (c.purpose === purpose ? { ...c, granted } : c)));
    setSaving(purpose);
    setProblem(null);
    setSaved(null);
    try {
      const answer = await api<{ items: ConsentItem[] }>('/consents', {
        method: 'PUT',
        body: { purpose, granted },
      });
      setItems(answer.items);
      setSaved(
        t(granted ? 'consents.given' : 'consents.taken', { purpose: t(`consents.purposes.${purpose}`) }),
      );
    } catch (error) {
      setItems(before);
      setProblem(errorText(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <>
      <BackLink to="/my-data">{t('myData.back')}</BackLink>
      <PageTitle lead={t('consents.lead')}>{t('consents.title')}</PageTitle>
      {consents.error ? <ErrorState error={consents.error} onRetry={consents.reload} /> : null}
      {!consents.data && !consents.error ? <Skeleton lines={4} /> : null}
      <div role="status">{saved ? <Notice tone="success" title={saved} /> : null}</div>
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <ul className="plain-list">
        {shown.map((c) => (
          <li key={c.purpose} className="card">
            <label className="switch-row">
              <span>
                <strong>{t(`consents.purposes.${c.purpose}`)}</strong>
                <span className="muted date-pair">{t(`consents.help.${c.purpose}`)}</span>
              </span>
              <input
                type="checkbox"
                role="switch"
                checked={c.granted === true}
                aria-checked={c.granted === true}
                disabled={saving !== null}
                onChange={(e) => void change(c.purpose, e.target.checked)}
              />
            </label>
            <p className="muted">
              {c.granted === null ? t('consents.never') : t(c.granted ? 'consents.yes' : 'consents.no')}
              {c.recordedAt ? <DualDate value={c.recordedAt} /> : null}
            </p>
            {c.textChanged ? (
              <Notice tone="warning" title={t('consents.textChanged')}>
                <Button disabled={saving !== null} onClick={() => void change(c.purpose, true)}>
                  {t('consents.renew')}
                </Button>
              </Notice>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
