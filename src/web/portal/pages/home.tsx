import { Icon, type IconName } from '../components/icon';
import { Button, ButtonLink, Notice, PageTitle } from '../components/ui';
import { useSettings, useT } from '../i18n';
import { Link } from '../lib/router';
import { useMe, useSession } from '../lib/session';
import { CharterReminder } from './charter';
import { DeclarationReminder } from './declaration';

// Home, signed in: a greeting, where the registration stands while it is not accepted, four big doors.

const doors: { to: string; icon: IconName; label: string }[] = [
  { to: '/services', icon: 'apply', label: 'home.apply' },
  { to: '/requests', icon: 'requests', label: 'home.requests' },
  { to: '/messages', icon: 'mail', label: 'home.messages' },
  { to: '/my-data', icon: 'user', label: 'home.myData' },
  { to: '/complaints', icon: 'edit', label: 'home.complaints' },
  { to: '/surveys', icon: 'check', label: 'survey.mine' },
  { to: '/faq', icon: 'question', label: 'faq.title' },
  { to: '/charter', icon: 'check', label: 'charter.title' },
  { to: '/policy', icon: 'info', label: 'policy.title' },
  { to: '/you-said-we-did', icon: 'refresh', label: 'youSaid.title' },
];

export default function Home() {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const { language } = useSettings();
  const name = firstName(language === 'en' && me.fullNameEn ? me.fullNameEn : me.fullNameAr);
  const registration = me.registration;
  return (
    <>
      <PageTitle lead={t('home.lead', { gender: me.gender })}>
        {t('home.greeting', { name, gender: me.gender })}
      </PageTitle>
      {registration?.state === 'submitted' ? (
        <Notice tone="info" title={t('home.registrationSubmitted')}>
          <p>{t('home.registrationSubmittedLead')}</p>
        </Notice>
      ) : null}
      {registration?.state === 'in_progress' ? (
        <Notice tone="warning" title={t('home.registrationInProgress')}>
          <p>{t('home.registrationInProgressLead')}</p>
          <ButtonLink to="/register" icon="edit">
            {t('home.completeRegistration')}
          </ButtonLink>
        </Notice>
      ) : null}
      {registration?.state === 'returned' ? (
        <Notice tone="warning" title={t('home.registrationReturned')}>
          {registration.returnReason ? (
            <p>
              <strong>{t('home.returnReason')}</strong>{' '}
              <span className="pre-wrap">{registration.returnReason}</span>
            </p>
          ) : null}
          <ButtonLink to="/register" icon="edit">
            {t('home.fixRegistration')}
          </ButtonLink>
        </Notice>
      ) : null}
      <DeclarationReminder />
      <CharterReminder />
      <nav aria-label={t('home.doors')}>
        <ul className="tiles plain-list">
          {doors.map((door) => (
            <li key={door.to}>
              <Link to={door.to} className="tile">
                <Icon name={door.icon} />
                <span>{t(door.label)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="actions">
        <Button variant="secondary" icon="logout" onClick={() => void signOut()}>
          {t('home.signOut')}
        </Button>
      </div>
    </>
  );
}

function firstName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  // «عبد الله» and «أبو بكر» are one name in two words.
  if (parts.length > 1 && /^(عبد|أبو|ابو)$/.test(parts[0]!)) return `${parts[0]} ${parts[1]}`;
  return parts[0] ?? fullName;
}
