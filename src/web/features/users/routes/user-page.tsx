import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type UpdateUser, type User, updateUserSchema } from '../../../../shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { meQueryKey, useCan, useMe } from '../../../lib/session';
import { updateUser, userQuery, usersKeys } from '../api';
import { RoleBadges } from '../components/role-badges';
import { RolesField } from '../components/roles-field';
import { StatusBadge } from '../components/status-badge';

export function UserPage() {
  return (
    <RequirePermission action="users.list">
      <UserDetail />
    </RequirePermission>
  );
}

function UserDetail() {
  const { t } = useTranslation();
  const { userId } = useParams({ strict: false }) as { userId: string };
  const query = useQuery(userQuery(userId));

  return (
    <>
      <Anchor component={Link} to="/users" size="sm">
        {t('users.backToList')}
      </Anchor>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <UserView user={query.data} />
      )}
    </>
  );
}

function UserView({ user }: { user: User }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={user.fullName} actions={<StatusBadge status={user.status} />} />
      <Stack gap="lg" maw={760}>
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Info label={t('fields.email')}>
              <bdi dir="ltr">{user.email}</bdi>
            </Info>
            <Info label={t('fields.roles')}>
              <RoleBadges roles={user.roles} />
            </Info>
            <Info label={t('users.createdAt')}>
              <DualDate value={user.createdAt} />
            </Info>
            <Info label={t('users.lastLogin')}>
              {user.lastLoginAt ? <DualDate value={user.lastLoginAt} withTime /> : t('users.neverSignedIn')}
            </Info>
          </SimpleGrid>
        </Card>
        {can('users.update') && (
          <>
            <EditUserForm user={user} />
            <StatusCard user={user} />
          </>
        )}
      </Stack>
    </>
  );
}

function Info({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

interface EditForm {
  fullName: string;
  roles: string[];
}

function useUserSaved() {
  const queryClient = useQueryClient();
  const me = useMe();
  return async (user: User) => {
    queryClient.setQueryData(usersKeys.detail(user.id), user);
    await queryClient.invalidateQueries({ queryKey: usersKeys.all });
    // Changing one's own roles changes one's permissions.
    if (me?.user.id === user.id) await queryClient.invalidateQueries({ queryKey: meQueryKey });
  };
}

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const onSaved = useUserSaved();
  const form = useForm<EditForm>({
    resolver: formResolver<EditForm>(updateUserSchema),
    defaultValues: { fullName: user.fullName, roles: [...user.roles] },
  });
  const { errors, isDirty } = form.formState;

  useEffect(() => {
    form.reset({ fullName: user.fullName, roles: [...user.roles] });
  }, [user, form]);

  const mutation = useMutation({
    mutationFn: (values: UpdateUser) => updateUser(user.id, values),
    onSuccess: async (saved) => {
      await onSaved(saved);
      notifications.show({ color: 'teal', message: t('users.saved') });
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['fullName', 'roles']),
  });

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="md">
        {t('users.editTitle')}
      </Title>
      <form onSubmit={form.handleSubmit((values) => mutation.mutate(values as UpdateUser))} noValidate>
        <Stack gap="md">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <TextInput
            label={t('fields.fullName')}
            required
            {...form.register('fullName')}
            error={errors.fullName?.message}
          />
          <Controller
            control={form.control}
            name="roles"
            render={({ field, fieldState }) => (
              <RolesField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
            )}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function StatusCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useMe();
  const onSaved = useUserSaved();
  const isSelf = me?.user.id === user.id;
  const deactivate = user.status === 'active';

  const mutation = useMutation({
    mutationFn: () => updateUser(user.id, { status: deactivate ? 'inactive' : 'active' }),
    onSuccess: async (saved) => {
      await onSaved(saved);
      notifications.show({
        color: 'teal',
        message: saved.status === 'active' ? t('users.reactivated') : t('users.deactivated'),
      });
    },
  });

  const confirm = () =>
    modals.openConfirmModal({
      title: deactivate ? t('users.deactivateTitle') : t('users.reactivateTitle'),
      children: (
        <Text size="sm">
          {deactivate
            ? t('users.deactivateConfirm', { name: user.fullName })
            : t('users.reactivateConfirm', { name: user.fullName })}
        </Text>
      ),
      labels: {
        confirm: deactivate ? t('users.deactivate') : t('users.reactivate'),
        cancel: t('common.cancel'),
      },
      confirmProps: { color: deactivate ? 'red' : 'teal' },
      onConfirm: () => mutation.mutate(),
    });

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('users.accountStatus')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {deactivate ? t('users.deactivateHelp') : t('users.reactivateHelp')}
      </Text>
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <Group justify="flex-end" mt="sm">
        <Button
          color={deactivate ? 'red' : 'teal'}
          variant={deactivate ? 'outline' : 'filled'}
          leftSection={
            deactivate ? <IconUserOff size={18} aria-hidden /> : <IconUserCheck size={18} aria-hidden />
          }
          onClick={confirm}
          loading={mutation.isPending}
          disabled={isSelf && deactivate}
        >
          {deactivate ? t('users.deactivate') : t('users.reactivate')}
        </Button>
      </Group>
      {isSelf && deactivate && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('errors.CANNOT_DEACTIVATE_SELF')}
        </Text>
      )}
    </Card>
  );
}
