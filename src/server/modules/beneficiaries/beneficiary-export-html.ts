// The readable printout of a PDPL data-subject export (حق الحصول على نسخة), labels from the server's
// message catalogue in the reader's language; every value escaped.

import type { Beneficiary } from '../../../shared/contracts/beneficiaries';
import type { ExportedCharterAcceptance, ExportedDispute } from '../../../shared/contracts/disputes';
import type { Language } from '../../platform/http/errors';
import { escapeHtml } from '../../platform/http/html';
import { type MessageKey, message } from '../../platform/i18n/messages';

/** What the export printout shows (the shape of the service's export). */
export interface ExportData {
  organization: { nameAr: string };
  exportedAt: string;
  profile: Beneficiary;
  household: { fullName: string; relation: string; nationalId: string | null }[];
  documents: { type: string; number: string | null; fileName: string; expired: boolean }[];
  declarations: { textVersion: number; signedAt: string; channel: string }[];
  consents: { purpose: string; granted: boolean; recordedAt: string; textVersion?: number | null }[];
  charterAcceptances: ExportedCharterAcceptance[];
  disputes: ExportedDispute[];
  timeline: { at: string; kind: string; summary: string; actorName: string | null }[];
}

export function exportHtml(data: ExportData, language: Language): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(language, key, params);
  const p = data.profile;
  const sep = t('list.separator');
  const row = (field: string, value: unknown) =>
    `<tr><th>${escapeHtml(t(`export.field.${field}` as MessageKey))}</th><td>${escapeHtml(value)}</td></tr>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.join('')}</ul>` : '<p>—</p>');
  const section = (name: string) => `<h2>${escapeHtml(t(`export.section.${name}` as MessageKey))}</h2>`;
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const disputeItem = (d: ExportedDispute) =>
    `<li>${escapeHtml(t('export.dispute', { subject: d.subject, status: d.status, at: d.openedAt }))}<p>${escapeHtml(d.description)}</p>${list(
      d.steps.map(
        (s) =>
          `<li>${escapeHtml(t('export.dispute.step', { step: s.step, at: s.recordedAt, note: s.note }))}</li>`,
      ),
    )}${d.outcome ? `<p>${escapeHtml(t('export.dispute.outcome', { outcome: d.outcome }))}</p>` : ''}</li>`;
  return `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(p.fullNameAr)} — ${escapeHtml(p.fileNumber)}</title>
<style>body{font-family:'IBM Plex Sans Arabic',Tahoma,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:start}th{background:#f3f5f4;width:30%}h2{margin-block-start:1.5rem}
@media print{body{margin:0}}</style></head><body>
<h1>${escapeHtml(data.organization.nameAr)}</h1>
<p>${escapeHtml(t('export.intro', { at: data.exportedAt }))}</p>
${section('profile')}<table>
${row('fileNumber', p.fileNumber)}${row('fullNameAr', p.fullNameAr)}${row('fullNameEn', p.fullNameEn)}${row('nationalId', p.nationalId)}
${row('birthDate', t('export.birthDate', { gregorian: p.birthDate, hijri: p.birthDateHijri ?? '' }))}${row('gender', t(`export.gender.${p.gender}`))}${row('nationality', p.nationality)}
${row('phone', p.phone)}${row('altPhone', p.altPhone)}${row('city', p.city)}${row('district', p.district)}${row('address', p.address)}
${row('categories', p.categories.join(sep))}${row('incomeSources', p.incomeSources.map((s) => `${s.source}: ${s.monthlyAmount}`).join(sep))}
${row('healthConditions', p.healthConditions?.join(sep) ?? t('export.healthHidden'))}${row('notes', p.notes)}${row('status', p.status)}</table>
${section('household')}${list(data.household.map((m) => `<li>${escapeHtml(m.fullName)} — ${escapeHtml(m.relation)} — ${escapeHtml(m.nationalId ?? '')}</li>`))}
${section('documents')}${list(data.documents.map((d) => `<li>${escapeHtml(d.type)} ${escapeHtml(d.number ?? '')} — ${escapeHtml(d.fileName)}${d.expired ? escapeHtml(t('export.expired')) : ''}</li>`))}
${section('declarations')}${list(data.declarations.map((d) => `<li>${escapeHtml(t('export.declaration', { version: d.textVersion, at: d.signedAt, channel: d.channel }))}</li>`))}
${section('consents')}${list(data.consents.map((c) => `<li>${escapeHtml(c.purpose)}: ${escapeHtml(t(c.granted ? 'export.consent.granted' : 'export.consent.withdrawn'))} — ${escapeHtml(c.recordedAt)}${c.textVersion ? ` — ${escapeHtml(t('export.consent.textVersion', { version: c.textVersion }))}` : ''}</li>`))}
${section('charter')}${list(data.charterAcceptances.map((c) => `<li>${escapeHtml(t('export.charter', { version: c.versionNumber, at: c.acceptedAt, channel: c.channel }))}</li>`))}
${section('disputes')}${list(data.disputes.map(disputeItem))}
${section('timeline')}${list(data.timeline.map((e) => `<li>${escapeHtml(e.at)} — ${escapeHtml(e.kind)} — ${escapeHtml(e.summary)} — ${escapeHtml(e.actorName ?? '')}</li>`))}
</body></html>`;
}
