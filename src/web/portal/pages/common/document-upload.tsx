import { type ChangeEvent, useEffect, useState } from 'react';
import { Icon } from '../../components/icon';
import { Button, Notice } from '../../components/ui';
import { useT } from '../../i18n';
import { api, errorText } from '../../lib/api';
import type { PortalDocument } from '../../lib/portal-types';
import { DateField, type DateValue, dateIso, emptyDate, isEmptyDate } from './date-field';
import { preparePhoto } from './photo';

// A document from the phone: photographed with the camera (or chosen from the files), resized on the
// phone (photo.ts), then sent as `POST /portal/documents` with its type.

export function DocumentUpload({
  type,
  label,
  askExpiry = false,
  onUploaded,
}: {
  /** The association's document type code (national_id, lease…). */
  type: string;
  /** The document's name, shown on the buttons' group. */
  label: string;
  /** Ask for the expiry date written on the document (the ID card), before sending. */
  askExpiry?: boolean;
  onUploaded: (document: PortalDocument) => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [expiry, setExpiry] = useState<DateValue>(emptyDate('hijri'));
  const [busy, setBusy] = useState<'preparing' | 'sending' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [expiryError, setExpiryError] = useState<string | undefined>();

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setProblem(null);
    setBusy('preparing');
    let prepared: File;
    try {
      prepared = await preparePhoto(chosen);
    } catch {
      setBusy(null);
      setProblem(t('upload.unreadable'));
      return;
    }
    setBusy(null);
    setFile(prepared);
    setPreview(prepared.type.startsWith('image/') ? URL.createObjectURL(prepared) : null);
    if (!askExpiry) await send(prepared);
  }

  async function send(chosen: File | null = file) {
    if (!chosen) return;
    let expiryIso: string | null = null;
    if (askExpiry && !isEmptyDate(expiry)) {
      expiryIso = dateIso(expiry);
      if (!expiryIso) {
        setExpiryError(t('date.invalid'));
        return;
      }
    }
    setExpiryError(undefined);
    setBusy('sending');
    setProblem(null);
    const form = new FormData();
    form.append('type', type);
    if (expiryIso) form.append(expiry.calendar === 'hijri' ? 'expiryDateHijri' : 'expiryDate', expiryIso);
    form.append('file', chosen, chosen.name);
    try {
      const document = await api<PortalDocument>('/documents', { method: 'POST', body: form });
      setFile(null);
      setPreview(null);
      setExpiry(emptyDate('hijri'));
      onUploaded(document);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="upload">
      <legend className="visually-hidden">{label}</legend>
      {preview ? <img className="photo-preview" src={preview} alt={t('upload.preview', { label })} /> : null}
      {file && !preview ? (
        <p>
          <Icon name="file" /> {file.name}
        </p>
      ) : null}
      {file && askExpiry ? (
        <>
          <DateField
            legend={t('upload.expiry')}
            hint={t('upload.expiryHint')}
            value={expiry}
            onChange={setExpiry}
            error={expiryError}
          />
          <Button icon="upload" busy={busy === 'sending'} onClick={() => void send()} className="btn-block">
            {t('upload.send')}
          </Button>
        </>
      ) : null}
      {busy ? (
        <p role="status" className="muted">
          {t(busy === 'preparing' ? 'upload.preparing' : 'upload.sending')}
        </p>
      ) : null}
      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      <div className="file-buttons">
        <label className={`btn ${file ? 'btn-secondary' : 'btn-primary'} file-button`}>
          <Icon name="camera" />
          <span>{file ? t('upload.retake') : t('upload.camera')}</span>
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            disabled={busy !== null}
            onChange={(e) => void picked(e)}
            aria-label={`${file ? t('upload.retake') : t('upload.camera')} — ${label}`}
          />
        </label>
        <label className="btn btn-secondary file-button">
          <Icon name="upload" />
          <span>{t('upload.chooseFile')}</span>
          <input
            type="file"
            accept="image/*,application/pdf"
            className="visually-hidden"
            disabled={busy !== null}
            onChange={(e) => void picked(e)}
            aria-label={`${t('upload.chooseFile')} — ${label}`}
          />
        </label>
      </div>
    </fieldset>
  );
}
