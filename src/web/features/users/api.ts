import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CreateUser, ListUsersQuery, UpdateUser, User } from '../../../shared/contracts/users';
import { api, withQuery } from '../../lib/api';

export interface UsersPage {
  items: User[];
  total: number;
  nextCursor: string | null;
}

export type UsersFilter = Pick<ListUsersQuery, 'q' | 'role' | 'status'>;

export const usersKeys = {
  all: ['users'] as const,
  list: (filter: UsersFilter) => ['users', 'list', filter] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const usersListQuery = (filter: UsersFilter) =>
  infiniteQueryOptions({
    queryKey: usersKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<UsersPage>(withQuery('/users', { ...filter, limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => api<User>(`/users/${encodeURIComponent(id)}`, { signal }),
  });

export function createUser(body: CreateUser): Promise<User> {
  return api<User>('/users', { method: 'POST', body });
}

export function updateUser(id: string, body: UpdateUser): Promise<User> {
  return api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}
