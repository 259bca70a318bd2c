import { type FormEvent, useId, useState } from 'react';
import { Icon } from '../../components/icon';
import { DualDate } from '../../components/status';
import { Button, FieldError, Notice } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText, post } from '../../lib/api';
import { local } from '../../lib/format';
import type { Items, PortalDocument, PortalRequest, PortalService } from '../../lib/portal-types';
import { useLoad } from '../../lib/use-load';
import { DocumentUpload } from '../common/document-upload';

/**
 * The association asked for more (needs_info): exactly what it asked, a document or two sent from
 * here, a reply in the person's words, and "send" (the request goes back to where it was).
 */
export function InfoPanel({ request, onSent }: { request: PortalRequest; onSent: () => void }) {
  const t = useT();
  const id = useId();
  const services = useLoad('services', (signal) => api<Items<PortalService>>('/services', { signal }));
  const types = services.data?.items.find((s) => s.id === request.serviceId)?.requiredDocuments ?? [];
  const [type, setType] = useState('');
  const [uploaded, setUploaded] = useState<PortalDocument[]>([]);
  const [reply, setReply] = useState('');
  const [replyError, setReplyError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const info = request.infoRequest!;
  const chosenType = type || types[0]?.code || '';

  async function send(event: FormEvent) {
    event.preventDefault();
    const text = reply.trim() || (uploaded.length > 0 ? t('info.defaultReply') : '');
    if (!text) {
      setReplyError(t('info.replyNeeded'));
      return;
    }
    setReplyError(undefined);
    setBusy(true);
    setProblem(null);
    try {
      await post(`/requests/${request.id}/info`, {
        reply: text,
        ...(uploaded.length ? { documentIds: uploaded.map((d) => d.id) } : {}),
      });
      onSent();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section">
      <Notice tone="warning" title={t('info.title')}>
        <ul>
          {info.items.map((item) => (
            <li key={item} className="pre-wrap">
              {item}
            </li>
          ))}
        </ul>
        <p className="muted">
          {t('info.askedOn')} <DualDate value={info.requestedAt} />
        </p>
      </Notice>
      <form onSubmit={send} noValidate>
        {types.length > 0 ? (
          <div className="card">
            <h2>{t('info.attach')}</h2>
            <div className="field">
              <label htmlFor={`${id}-type`}>{t('info.documentType')}</label>
              <select id={`${id}-type`} value={chosenType} onChange={(e) => setType(e.target.value)}>
                {types.map((d) => (
                  <option key={d.code} value={d.code}>
                    {local(d.labelAr, d.labelEn)}
                  </option>
                ))}
              </select>
            </div>
            <DocumentUpload
              type={chosenType}
              label={local(
                types.find((d) => d.code === chosenType)?.labelAr,
                types.find((d) => d.code === chosenType)?.labelEn,
              )}
              onUploaded={(doc) => setUploaded((list) => [...list, doc])}
            />
            {uploaded.length > 0 ? (
              <ul className="plain-list check-list">
                {uploaded.map((d) => (
                  <li key={d.id}>
                    <Icon name="check" className="ok" />
                    <span>{t('info.attached', { label: local(d.typeLabelAr, d.typeLabelEn) })}</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <div className="field section">
          <label htmlFor={`${id}-reply`}>{t('info.reply')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('info.replyHint')}
          </p>
          <textarea
            id={`${id}-reply`}
            value={reply}
            maxLength={2000}
            aria-describedby={`${id}-hint${replyError ? ` ${id}-error` : ''}`}
            aria-invalid={replyError ? true : undefined}
            onChange={(e) => setReply(e.target.value)}
          />
          {replyError ? <FieldError id={`${id}-error`}>{replyError}</FieldError> : null}
        </div>
        {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
        <div className="actions">
          <Button type="submit" icon="send" busy={busy}>
            {t('info.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
