import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import type { Me } from '../../shared/contracts/auth';
import { meQueryKey, setupStatusQueryKey } from '../lib/session';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

/**
 * What the sign-in screen, shown before the router (main.tsx), already knows: whether setup is needed,
 * who is signed in (null: nobody), and after a sign-in where to go. The router then neither asks again
 * nor shows the sign-in page a second time.
 */
export interface AppStart {
  setupNeeded?: boolean;
  me?: Me | null;
  /** Navigated to as the sign-in page did inside the router: `redirect`, or the home page. */
  to?: string;
}

export type StaffApp = ReturnType<typeof createApp>;

/** The query client and the router; created once, outside React (StrictMode would run it twice). */
export function createApp(start: AppStart = {}) {
  let router: ReturnType<typeof createAppRouter> | null = null;
  const queryClient = createQueryClient(() => {
    void router?.navigate({ to: '/sign-in', search: { redirect: router.state.location.href } });
  });
  if (start.setupNeeded !== undefined)
    queryClient.setQueryData(setupStatusQueryKey, { needed: start.setupNeeded });
  if (start.me !== undefined) queryClient.setQueryData(meQueryKey, start.me);
  router = createAppRouter(queryClient);
  if (start.to !== undefined) void router.navigate({ to: start.to });
  return { queryClient, router };
}

/** The signed-in app's pages (and the screens before signing in, once the router is loaded). */
export function AppRoutes({ app: { queryClient, router } }: { app: StaffApp }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
