import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { followOrganizationDigitStyle } from '../lib/numbers';
import { meQueryKey } from '../lib/session';

/** When a session expires mid-use, any 401 signs the user out of the UI (the router then redirects). */
export function createQueryClient(onUnauthenticated: () => void): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The me query answers null on 401, so this only fires for other queries.
        if (error instanceof ApiError && error.status === 401) {
          client.setQueryData(meQueryKey, null);
          onUnauthenticated();
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  // Numbers and dates follow the signed-in association's digit style (decision 014).
  followOrganizationDigitStyle(client);
  return client;
}
