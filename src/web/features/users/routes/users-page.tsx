import { Anchor, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/contracts/users';
import { userStatuses } from '../../../../shared/contracts/users';
import { normalizeDigits } from '../../../../shared/digits';
import { type StaffRole, staffRoles } from '../../../../shared/roles';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useRoleTitle } from '../../../lib/roles';
import { useCan } from '../../../lib/session';
import { usersListQuery } from '../api';
import { RoleBadges } from '../components/role-badges';
import { StatusBadge } from '../components/status-badge';

export function UsersPage() {
  return (
    <RequirePermission action="users.list">
      <UsersList />
    </RequirePermission>
  );
}

function UsersList() {
  const { t } = useTranslation();
  const can = useCan();
  const roleTitle = useRoleTitle();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [q, setQ] = useState('');
  const [role, setRole] = useState<StaffRole | null>(null);
  const [status, setStatus] = useState<'active' | 'inactive' | null>(null);
  const [debouncedQ] = useDebouncedValue(q, 300);

  const query = useInfiniteQuery(
    usersListQuery({
      q: normalizeDigits(debouncedQ).trim() || undefined,
      role: role ?? undefined,
      status: status ?? undefined,
    }),
  );
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(debouncedQ || role || status);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can('users.create') && (
            <Button component={Link} to="/users/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('users.new')}
            </Button>
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('fields.role')}
          placeholder={t('common.all')}
          data={staffRoles.map((r) => ({ value: r, label: roleTitle(r) }))}
          value={role}
          onChange={(v) => setRole(v as StaffRole | null)}
          clearable
          style={{ flex: '1 1 12rem' }}
        />
        <Select
          label={t('fields.status')}
          placeholder={t('common.all')}
          data={userStatuses.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as 'active' | 'inactive' | null)}
          clearable
          style={{ flex: '1 1 9rem' }}
        />
      </Group>

      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : users.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('users.emptyFiltered') : t('users.empty')}
          description={filtered ? t('common.tryOtherFilters') : undefined}
        />
      ) : (
        <>
          {isPhone ? <UserCards users={users} /> : <UserTable users={users} />}
          <LoadMore
            shown={users.length}
            total={total}
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function UserTable({ users }: { users: User[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.fullName')}</Table.Th>
            <Table.Th>{t('fields.email')}</Table.Th>
            <Table.Th>{t('fields.roles')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <Table.Th>{t('users.lastLogin')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component={Link} to={`/users/${user.id}`} fw={600}>
                  {user.fullName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <bdi dir="ltr">{user.email}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={user.roles} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                {user.lastLoginAt ? <DualDate value={user.lastLoginAt} withTime /> : t('users.neverSignedIn')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function UserCards({ users }: { users: User[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('users.title')}>
      {users.map((user) => (
        <Card key={user.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/users/${user.id}`} fw={600}>
              {user.fullName}
            </Anchor>
            <StatusBadge status={user.status} />
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <bdi dir="ltr">{user.email}</bdi>
          </Text>
          <Stack gap={4} mt="xs">
            <RoleBadges roles={user.roles} />
            <Text size="xs" c="dimmed">
              {t('users.lastLogin')}
            </Text>
            {user.lastLoginAt ? (
              <DualDate value={user.lastLoginAt} withTime size="xs" />
            ) : (
              <Text size="xs">{t('users.neverSignedIn')}</Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
