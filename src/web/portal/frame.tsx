import type { ReactNode } from 'react';
import type { PortalOrganization } from '../../shared/contracts/portal';
import { Icon } from './components/icon';
import { setLanguage, setLargeText, useSettings, useT } from './i18n';
import { localName } from './lib/format';
import { Link } from './lib/router';

/** The association's name (a link home), the language and text-size switches, and the screen. */
export function Frame({
  organization,
  name,
  children,
}: {
  organization: PortalOrganization | null;
  /** Without an organization's portal (a survey link, the kiosk): the association's name, if known. */
  name?: string | null;
  children: ReactNode;
}) {
  const t = useT();
  const { language, largeText } = useSettings();
  const other = language === 'ar' ? 'en' : 'ar';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="top-bar">
        <div className="top-bar-inner">
          {organization ? (
            <Link to="/" className="brand">
              {organization.logo ? <img src={organization.logo} alt="" /> : null}
              <span>{localName(organization)}</span>
            </Link>
          ) : (
            <span className="brand">{name ?? t('app.name')}</span>
          )}
          <div className="settings">
            <button
              type="button"
              className="btn btn-secondary"
              aria-pressed={largeText}
              onClick={() => setLargeText(!largeText)}
            >
              <Icon name="textSize" />
              <span>{t('app.largeText')}</span>
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              lang={other}
              onClick={() => void setLanguage(other)}
            >
              <Icon name="language" />
              <span>{t('app.otherLanguage')}</span>
            </button>
          </div>
        </div>
      </header>
      <main className="main" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
