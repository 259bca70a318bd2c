import type { ReactNode } from 'react';
import { formatSaudiMobileLocal } from '../../../../shared/saudi/phone-rules';
import { Icon } from '../../components/icon';
import { Code, DualDate } from '../../components/status';
import { BackLink, ButtonLink, EmptyState, ErrorState, PageTitle, Skeleton } from '../../components/ui';
import { useSettings, useT } from '../../i18n';
import { api, portalApi } from '../../lib/api';
import { local } from '../../lib/format';
import type { Items, PortalDocument, PortalMyData } from '../../lib/portal-types';
import { useLocation } from '../../lib/router';
import { useLoad } from '../../lib/use-load';
import { Consents } from './consents';
import { Correction } from './correction';

/** My data: everything the association holds, and the doors to correct it, to consents and to a copy. */
export default function MyDataScreens() {
  const { segments } = useLocation();
  if (segments[1] === 'correction') return <Correction />;
  if (segments[1] === 'consents') return <Consents />;
  return <MyData />;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children || '—'}</dd>
    </div>
  );
}

function countryName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function MyData() {
  const t = useT();
  const { language } = useSettings();
  const data = useLoad('my-data', (signal) => api<PortalMyData>('/my-data', { signal }));
  // The names of the documents' types, in the reader's language (my-data holds their codes).
  const documents = useLoad('documents', (signal) => api<Items<PortalDocument>>('/documents', { signal }));
  const labels = new Map(
    documents.data?.items.map((doc) => [doc.type, local(doc.typeLabelAr, doc.typeLabelEn)]),
  );
  const d = data.data;
  return (
    <>
      <BackLink />
      <PageTitle lead={t('myData.lead')}>{t('myData.title')}</PageTitle>
      {data.error ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
      {!d && !data.error ? <Skeleton lines={8} /> : null}
      {d ? (
        <>
          <div className="actions">
            <ButtonLink to="/my-data/correction" icon="edit">
              {t('myData.askCorrection')}
            </ButtonLink>
            <ButtonLink to="/my-data/consents" icon="shield" variant="secondary">
              {t('myData.consents')}
            </ButtonLink>
            <a className="btn btn-secondary" href={`${portalApi}/my-data/export?format=html`} download>
              <Icon name="download" />
              <span>{t('myData.download')}</span>
            </a>
          </div>

          <section className="section card">
            <h2>{t('myData.profile')}</h2>
            <dl className="facts">
              <Fact label={t('fields.fullNameAr')}>{d.profile.fullNameAr}</Fact>
              {d.profile.fullNameEn ? (
                <Fact label={t('fields.fullNameEn')}>{d.profile.fullNameEn}</Fact>
              ) : null}
              <Fact label={t('fields.fileNumber')}>
                <Code value={d.profile.fileNumber} />
              </Fact>
              <Fact label={t('fields.nationalId')}>
                <Code value={d.profile.nationalId} />
              </Fact>
              <Fact label={t('fields.birthDate')}>
                <DualDate value={`${d.profile.birthDate}T12:00:00Z`} />
              </Fact>
              <Fact label={t('fields.gender')}>{t(`gender.${d.profile.gender}`)}</Fact>
              <Fact label={t('fields.nationality')}>{countryName(d.profile.nationality, language)}</Fact>
              <Fact label={t('fields.phone')}>
                {/* Without the grouping spaces: between Arabic-Indic digits they would reverse the groups. */}
                <Code value={formatSaudiMobileLocal(d.profile.phone).replace(/\s/g, '')} />
              </Fact>
              <Fact label={t('fields.city')}>{d.profile.city}</Fact>
              <Fact label={t('fields.district')}>{d.profile.district}</Fact>
              <Fact label={t('fields.address')}>{d.profile.address}</Fact>
              <Fact label={t('fields.maritalStatus')}>
                {d.profile.maritalStatus ? t(`marital.${d.profile.maritalStatus}`) : null}
              </Fact>
            </dl>
          </section>

          <section className="section card">
            <h2>{t('myData.household')}</h2>
            {d.household.length === 0 ? (
              <p className="muted">{t('myData.noHousehold')}</p>
            ) : (
              <ul className="plain-list check-list">
                {d.household.map((m) => (
                  <li key={m.id}>
                    <Icon name="user" />
                    <span>
                      {m.fullName} — {t(`relations.${m.relation}`)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="section card">
            <h2>{t('myData.documents')}</h2>
            {d.documents.length === 0 ? (
              <p className="muted">{t('myData.noDocuments')}</p>
            ) : (
              <ul className="plain-list check-list">
                {d.documents.map((doc) => (
                  <li key={doc.id}>
                    <Icon name="file" className={doc.expired ? 'no' : 'ok'} />
                    <div>
                      <a href={`${portalApi}/documents/${doc.id}/file`} download={doc.fileName}>
                        {labels.get(doc.type) ?? doc.fileName}
                      </a>
                      <p className="muted">
                        {doc.expired ? t('myData.expired') : null}
                        {doc.expiryDate ? (
                          <>
                            {t('myData.expires')} <DualDate value={`${doc.expiryDate}T12:00:00Z`} />
                          </>
                        ) : null}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="section card">
            <h2>{t('myData.declarations')}</h2>
            {d.declarations.length === 0 ? (
              <p className="muted">{t('myData.noDeclarations')}</p>
            ) : (
              <ul className="plain-list check-list">
                {d.declarations.map((signed) => (
                  <li key={signed.id}>
                    <Icon name="signature" />
                    <div>
                      <strong>
                        {t(signed.method === 'drawn' ? 'myData.signedDrawn' : 'myData.signedTyped')}
                      </strong>
                      <DualDate value={signed.signedAt} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="section card">
            <h2>{t('myData.corrections')}</h2>
            {d.corrections.length === 0 ? (
              <EmptyState icon="edit">{t('myData.noCorrections')}</EmptyState>
            ) : (
              <ul className="plain-list check-list">
                {d.corrections.map((c) => (
                  <li key={c.id}>
                    <Icon name={c.status === 'applied' ? 'check' : c.status === 'rejected' ? 'x' : 'clock'} />
                    <div>
                      <strong>{t(`fields.${c.field}`)}</strong>: {c.requestedValue}
                      <p className="muted">
                        {t(`myData.correctionStatus.${c.status}`)}
                        {c.resolutionNote ? ` — ${c.resolutionNote}` : ''}
                      </p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
