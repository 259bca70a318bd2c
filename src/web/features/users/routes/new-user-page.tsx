import { Anchor, Button, Card, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateUser, createUserSchema } from '../../../../shared/contracts/users';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { createUser, usersKeys } from '../api';
import { RolesField } from '../components/roles-field';

interface NewUserForm {
  fullName: string;
  email: string;
  password: string;
  roles: string[];
}

export function NewUserPage() {
  return (
    <RequirePermission action="users.create">
      <NewUserForm />
    </RequirePermission>
  );
}

function NewUserForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<NewUserForm>({
    resolver: formResolver<NewUserForm>(createUserSchema),
    defaultValues: { fullName: '', email: '', password: '', roles: [] },
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (values: CreateUser) => createUser(values),
    onSuccess: async (user) => {
      await queryClient.invalidateQueries({ queryKey: usersKeys.all });
      notifications.show({ color: 'teal', message: t('users.created', { name: user.fullName }) });
      await navigate({ to: '/users' });
    },
    onError: (error) => {
      applyApiFieldErrors(error, form.setError, ['fullName', 'email', 'password', 'roles']);
    },
  });

  return (
    <>
      <Anchor component={Link} to="/users" size="sm">
        {t('users.backToList')}
      </Anchor>
      <PageHeader title={t('users.newTitle')} />
      <Card withBorder padding="lg" maw={720}>
        <form onSubmit={form.handleSubmit((values) => mutation.mutate(values as CreateUser))} noValidate>
          <Stack gap="md">
            {mutation.error && <ErrorAlert error={mutation.error} />}
            <TextInput
              label={t('fields.fullName')}
              required
              autoFocus
              {...form.register('fullName')}
              error={errors.fullName?.message}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              dir="ltr"
              required
              autoComplete="off"
              {...form.register('email')}
              error={errors.email?.message}
            />
            <PasswordInput
              label={t('fields.initialPassword')}
              description={t('fields.passwordHint')}
              dir="ltr"
              required
              autoComplete="new-password"
              {...form.register('password')}
              error={errors.password?.message}
            />
            <Controller
              control={form.control}
              name="roles"
              render={({ field, fieldState }) => (
                <RolesField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
              )}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to="/users">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
