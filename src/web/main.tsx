import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-500.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-600.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-700.css';
import '@fontsource/ibm-plex-sans-arabic/latin-400.css';
import '@fontsource/ibm-plex-sans-arabic/latin-500.css';
import '@fontsource/ibm-plex-sans-arabic/latin-600.css';
import '@fontsource/ibm-plex-sans-arabic/latin-700.css';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { defaultParseSearch } from '@tanstack/react-router';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppStart } from './app/app';
import { AppProviders } from './app/providers';
import { fetchMe, fetchSetupStatus } from './features/auth/api';
import { validateSignInSearch } from './features/auth/sign-in-search';
import { i18nReady } from './i18n';

// The staff sign-in page, opened at its address, shows before the router and React Query are loaded: in
// the providers alone, with the checks the router would make first (setup needed? already signed in?).
// The app (router, React Query, the route table) is loaded when the browser is idle after it shows, and
// opened after a sign-in, at `redirect` or the home page. Any other address, or a sign-in page the router
// must redirect from (first run, signed in, a check that failed), opens the app as before (decision 026).
// The first screen's messages are fetched meanwhile (i18n/index.ts); nothing renders before they are in.
const loadApp = () => import('./app/app');
const signInPath = /^\/sign-in\/?$/i;

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  // The same providers on every screen: the app's routes take the sign-in screen's place inside them.
  const show = (screen: ReactNode) =>
    root.render(
      <StrictMode>
        <AppProviders>{screen}</AppProviders>
      </StrictMode>,
    );
  const showApp = async (start?: AppStart) => {
    const { AppRoutes, createApp } = await loadApp();
    show(<AppRoutes app={createApp(start)} />);
  };

  const showSignIn = async () => {
    const page = import('./features/auth/routes/sign-in-page');
    const checks = Promise.all([fetchSetupStatus(), fetchMe()]).then(
      ([status, me]): AppStart => ({ setupNeeded: status.needed, me }),
      () => undefined,
    );
    await i18nReady;
    const start = await checks;
    // The router redirects (to setup, or home) or shows the error, with what was learnt.
    if (!start || start.setupNeeded || start.me) return showApp(start);
    const { SignInPage } = await page.catch(() => ({ SignInPage: null }));
    if (!SignInPage) return showApp(start);
    const search = validateSignInSearch(defaultParseSearch(window.location.search));
    show(
      <SignInPage
        search={search}
        // A new session: the app starts with it, and goes where the router's sign-in page would.
        onSignedIn={(me) => showApp({ setupNeeded: false, me, to: search.redirect ?? '/' })}
      />,
    );
    afterFirstScreen(() => void loadApp().catch(() => undefined));
  };

  if (signInPath.test(window.location.pathname)) void showSignIn();
  else {
    void loadApp().catch(() => undefined);
    void i18nReady.then(() => showApp());
  }
}

function afterFirstScreen(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
