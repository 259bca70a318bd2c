import { DirectionProvider, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { directionOf, i18n } from '../i18n';
import { DirectionSync } from './direction-sync';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { theme } from './theme';

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
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <ModalsProvider>
              <RouterProvider router={router} />
            </ModalsProvider>
          </QueryClientProvider>
        </MantineProvider>
      </DirectionProvider>
    </I18nextProvider>
  );
}
