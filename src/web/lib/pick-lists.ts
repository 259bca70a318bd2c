import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './api';

// Lists the satisfaction screens, the improvement actions and the complaint page pick from (a feature
// may not import another's api: these are shared).

/** The services (first 100), for filters and "which service" fields; needs services.read. */
export const serviceOptionsQuery = queryOptions({
  queryKey: ['services', 'options'],
  queryFn: ({ signal }) =>
    api<{ items: { id: string; nameAr: string; nameEn: string | null; active: boolean }[] }>(
      withQuery('/services', { limit: 100 }),
      { signal },
    ).then((r) => r.items),
});

/** Colleagues' names (no e-mail), for "send to staff" and an action's owner. */
export const staffQuery = queryOptions({
  queryKey: ['users', 'directory', 'all'],
  queryFn: ({ signal }) =>
    api<{ items: { id: string; fullName: string; roles: string[] }[] }>('/users/directory', { signal }),
  select: (data) => data.items,
});
