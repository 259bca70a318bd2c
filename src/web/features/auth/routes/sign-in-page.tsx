import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type Login, loginSchema } from '../../../../shared/contracts/auth';
import { AuthFrame } from '../../../components/auth-frame';
import { ErrorAlert } from '../../../components/error-alert';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { meQueryKey } from '../../../lib/session';
import { signIn } from '../api';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as { email?: string; redirect?: string; setup?: boolean };

  const form = useForm<Login>({
    resolver: formResolver<Login>(loginSchema),
    defaultValues: { email: search.email ?? '', password: '' },
  });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (values: Login) => signIn(values),
    onSuccess: async (me) => {
      // A new session: nothing cached for a previous user may leak into it.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      await navigate({ to: search.redirect ?? '/' });
    },
    onError: (error) => {
      applyApiFieldErrors(error, form.setError, ['email', 'password']);
      form.setValue('password', '');
    },
  });

  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
        <Stack gap="md">
          {search.setup && !mutation.error && (
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('setup.doneTitle')}>
              {t('setup.doneMessage')}
            </Alert>
          )}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <TextInput
            label={t('fields.email')}
            type="email"
            dir="ltr"
            required
            autoComplete="username"
            autoFocus={!search.email}
            {...form.register('email')}
            error={errors.email?.message}
          />
          <PasswordInput
            label={t('fields.password')}
            dir="ltr"
            required
            autoComplete="current-password"
            autoFocus={Boolean(search.email)}
            {...form.register('password')}
            error={errors.password?.message}
          />
          <Button type="submit" size="md" loading={mutation.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
