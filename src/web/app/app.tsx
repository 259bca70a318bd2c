import { DirectionProvider, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { directionOf, i18n } from '../i18n';
import { DirectionSync } from './direction-sync';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { createAppTheme, cssVariablesResolver } from './theme';

function createApp() {
  let router: ReturnType<typeof createAppRouter> | null = null;
  const queryClient = createQueryClient(() => {
    void router?.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
  });
  router = createAppRouter(queryClient);
  return { queryClient, router };
}

export function App() {
  const [{ queryClient, router }] = useState(createApp);
  return (
    <I18nextProvider i18n={i18n}>
      <DirectionProvider initialDirection={directionOf(i18n.language)} detectDirection={false}>
        <DirectionSync />
        <ThemeProvider>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <ModalsProvider>
              <RouterProvider router={router} />
            </ModalsProvider>
          </QueryClientProvider>
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
