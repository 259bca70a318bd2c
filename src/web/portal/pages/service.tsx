import { useState } from 'react';
import { Icon } from '../components/icon';
import { BackLink, Button, ErrorState, Notice, PageTitle, Skeleton } from '../components/ui';
import { useT } from '../i18n';
import { api, errorText, post } from '../lib/api';
import { local, localName } from '../lib/format';
import type { Items, PortalRequest, PortalService } from '../lib/portal-types';
import { navigate } from '../lib/router';
import { useMe } from '../lib/session';
import { useLoad } from '../lib/use-load';

/**
 * One service in plain words: what it is, who it is for (and whether the person may qualify, criterion
 * by criterion), the documents it needs, how it is checked and how long a decision takes; then "apply",
 * which opens a draft request with the list of what is still missing.
 */
export default function ServicePage({ id }: { id: string }) {
  const t = useT();
  const me = useMe();
  const services = useLoad('services', (signal) => api<Items<PortalService>>('/services', { signal }));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const service = services.data?.items.find((s) => s.id === id);

  async function apply() {
    setBusy(true);
    setProblem(null);
    try {
      const request = await post<PortalRequest>('/requests', { serviceId: id });
      navigate(`/requests/${request.id}`);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  if (services.error) {
    return (
      <>
        <BackLink to="/services">{t('services.back')}</BackLink>
        <PageTitle>{t('services.title')}</PageTitle>
        <ErrorState error={services.error} onRetry={services.reload} />
      </>
    );
  }
  if (!services.data) return <Skeleton lines={6} />;
  if (!service) {
    return (
      <>
        <BackLink to="/services">{t('services.back')}</BackLink>
        <PageTitle lead={t('services.notFoundLead')}>{t('services.notFound')}</PageTitle>
      </>
    );
  }
  const outcome = service.eligibility.outcome;
  const description = local(service.descriptionAr, service.descriptionEn);
  return (
    <>
      <BackLink to="/services">{t('services.back')}</BackLink>
      <PageTitle>{localName(service)}</PageTitle>

      {description ? (
        <section className="section">
          <h2>{t('services.what')}</h2>
          <p className="pre-wrap">{description}</p>
        </section>
      ) : null}

      <section className="section">
        <h2>{t('services.forWhom')}</h2>
        <Notice tone={outcome === 'likely' ? 'success' : outcome === 'unlikely' ? 'warning' : 'info'}>
          <p className="notice-title">{t(`services.outcome.${outcome}`, { gender: me.gender })}</p>
          <p>{t(`services.outcomeLead.${outcome}`)}</p>
        </Notice>
        {service.eligibility.criteria.length > 0 ? (
          <ul className="plain-list check-list card">
            {service.eligibility.criteria.map((c) => (
              <li key={c.labelAr}>
                <Icon
                  name={c.met === true ? 'check' : c.met === false ? 'x' : 'question'}
                  className={c.met === true ? 'ok' : c.met === false ? 'no' : 'unknown'}
                />
                <div>
                  <strong>{local(c.labelAr, c.labelEn)}</strong>
                  <span className="visually-hidden">
                    {' — '}
                    {t(
                      c.met === true
                        ? 'services.met'
                        : c.met === false
                          ? 'services.notMet'
                          : 'services.unknownMet',
                    )}
                  </span>
                  <p className="muted">{local(c.explanationAr, c.explanationEn)}</p>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="section">
        <h2>{t('services.documents')}</h2>
        {service.requiredDocuments.length === 0 ? (
          <p>{t('services.noDocuments')}</p>
        ) : (
          <ul className="plain-list check-list card">
            {service.requiredDocuments.map((d) => (
              <li key={d.code}>
                <Icon name={d.held ? 'check' : 'file'} className={d.held ? 'ok' : 'unknown'} />
                <div>
                  <strong>{local(d.labelAr, d.labelEn)}</strong>
                  <p className="muted">{t(d.held ? 'services.held' : 'services.toUpload')}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {service.verification.length > 0 ? (
        <section className="section">
          <h2>{t('services.howChecked')}</h2>
          <ul>
            {service.verification.map((v) => (
              <li key={v}>{t(`services.verification.${v}`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section">
        <h2>{t('services.when')}</h2>
        <p>
          <Icon name="clock" />{' '}
          {t('services.decisionDays', { count: service.decisionDays, days: service.decisionDays })}
        </p>
      </section>

      {problem ? <Notice tone="error" role="alert" title={problem} /> : null}
      {me.status === 'active' ? (
        <div className="actions">
          <Button icon="apply" busy={busy} onClick={() => void apply()}>
            {t('services.apply')}
          </Button>
        </div>
      ) : (
        <Notice tone="info" title={t('services.notActiveYet')} />
      )}
    </>
  );
}
