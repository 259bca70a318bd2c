import { Alert, Button, Fieldset, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type Setup, setupSchema } from '../../../../shared/contracts/auth';
import { AuthFrame } from '../../../components/auth-frame';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { setupStatusQueryKey } from '../../../lib/session';
import { completeSetup } from '../api';

interface SetupForm {
  organization: { nameAr: string; nameEn: string };
  admin: { fullName: string; email: string; password: string };
  passwordConfirm: string;
}

const fields = [
  'organization.nameAr',
  'organization.nameEn',
  'admin.fullName',
  'admin.email',
  'admin.password',
] as const;

export function SetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const schema = setupSchema
    .extend({ passwordConfirm: z.string() })
    .refine((v) => v.passwordConfirm === v.admin.password, {
      path: ['passwordConfirm'],
      message: t('setup.passwordMismatch'),
    });

  const form = useForm<SetupForm>({
    resolver: formResolver<SetupForm>(schema),
    defaultValues: {
      organization: { nameAr: '', nameEn: '' },
      admin: { fullName: '', email: '', password: '' },
      passwordConfirm: '',
    },
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (values: Setup) => completeSetup(values),
    onSuccess: async (result) => {
      queryClient.setQueryData(setupStatusQueryKey, { needed: false });
      notifications.show({ color: 'teal', title: t('setup.doneTitle'), message: t('setup.doneMessage') });
      await navigate({ to: '/sign-in', search: { email: result.user.email, setup: true } });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'ALREADY_SET_UP') {
        queryClient.setQueryData(setupStatusQueryKey, { needed: false });
        return;
      }
      applyApiFieldErrors(error, form.setError, fields);
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    // The resolver has already normalised the values through the shared schema.
    const { passwordConfirm: _confirm, ...body } = values;
    mutation.mutate(body as Setup);
  });

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          {mutation.error instanceof ApiError && mutation.error.code === 'ALREADY_SET_UP' && (
            <Alert color="blue">
              <Button variant="light" onClick={() => void navigate({ to: '/sign-in' })}>
                {t('setup.goToSignIn')}
              </Button>
            </Alert>
          )}
          <Fieldset legend={t('setup.organizationLegend')}>
            <Stack gap="sm">
              <TextInput
                label={t('setup.nameAr')}
                required
                autoFocus
                dir="rtl"
                {...form.register('organization.nameAr')}
                error={errors.organization?.nameAr?.message}
              />
              <TextInput
                label={t('setup.nameEn')}
                required
                dir="ltr"
                {...form.register('organization.nameEn')}
                error={errors.organization?.nameEn?.message}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('setup.adminLegend')}>
            <Stack gap="sm">
              <TextInput
                label={t('fields.fullName')}
                required
                autoComplete="name"
                {...form.register('admin.fullName')}
                error={errors.admin?.fullName?.message}
              />
              <TextInput
                label={t('fields.email')}
                required
                type="email"
                dir="ltr"
                autoComplete="email"
                {...form.register('admin.email')}
                error={errors.admin?.email?.message}
              />
              <PasswordInput
                label={t('fields.password')}
                description={t('fields.passwordHint')}
                required
                dir="ltr"
                autoComplete="new-password"
                {...form.register('admin.password')}
                error={errors.admin?.password?.message}
              />
              <PasswordInput
                label={t('fields.passwordConfirm')}
                required
                dir="ltr"
                autoComplete="new-password"
                {...form.register('passwordConfirm')}
                error={errors.passwordConfirm?.message}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={mutation.isPending} size="md">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
