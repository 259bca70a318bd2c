import { DirectionProvider, MantineProvider } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { directionOf, i18n } from '../i18n';
import { DirectionSync } from './direction-sync';
import { createAppTheme, cssVariablesResolver } from './theme';

// Notices are shown by the pages after something happens, never on the first screen: their code is
// fetched once the browser is idle after the first render, not before it (a notice shown earlier waits
// in Mantine's store and appears then).
// Dialogs (@mantine/modals) belong to the signed-in app: their provider is in layout.tsx (decision 026).
const AppNotifications = lazy(() => import('./notifications'));

function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setReady(true), { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(id);
  }, []);
  return ready;
}

/**
 * What every screen of the staff app sits in: texts, direction, the house theme and notices. The sign-in
 * screen shows in these alone, before the router and React Query are loaded; the app's routes then take
 * its place inside the same providers (main.tsx, decision 026).
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const notificationsReady = useAfterFirstScreen();
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <DirectionSync />
        <ThemeProvider>
          {notificationsReady && (
            <Suspense fallback={null}>
              <AppNotifications />
            </Suspense>
          )}
          {children}
        </ThemeProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}

/** Mantine with the house theme, rebuilt when the language changes (it carries a few labels). */
function ThemeProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the language
  const theme = useMemo(() => createAppTheme(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}
