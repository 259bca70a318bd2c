import type { ReactNode } from 'react';
import { Icon } from '../../components/icon';
import { setLanguage, setLargeText, useSettings, useT } from '../../i18n';

/**
 * The frame of a screen outside any association's portal address (/s/<token>, /kiosk): the
 * association's name when known, the language and text-size switches, and the screen.
 */
export function SurveyFrame({ name, children }: { name: string | null; children: ReactNode }) {
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
          <span className="brand">{name ?? t('app.name')}</span>
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
