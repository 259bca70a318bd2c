import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Login } from '../../../../shared/contracts/auth';
import { AuthFrame } from '../../../components/auth-frame';
import { ErrorAlert } from '../../../components/error-alert';
import { meQueryKey } from '../../../lib/session';
import { signIn } from '../api';
import type { LoginField } from '../sign-in-checks';

// The form's checks (zod) are fetched once the page shows, not before it; a submit waits for them if
// they are not in yet. Two fields need no form library either: the first download stays small
// (decision 026). As with react-hook-form elsewhere: checked on submit, then again as a field changes;
// the first field in error takes the focus.
const loadChecks = () => import('../sign-in-checks');
const fields: readonly LoginField[] = ['email', 'password'];

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ strict: false }) as { email?: string; redirect?: string; setup?: boolean };

  useEffect(() => {
    void loadChecks();
  }, []);

  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const [errors, setErrors] = useState<Partial<Record<LoginField, string>>>({});
  const submitted = useRef(false);
  const current = () => ({
    email: inputs.email.current?.value ?? '',
    password: inputs.password.current?.value ?? '',
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submitted.current = true;
    const result = (await loadChecks()).checkLogin(current());
    setErrors(result.errors ?? {});
    if (result.values) mutation.mutate(result.values);
    else inputs[fields.find((field) => result.errors[field]) ?? 'email'].current?.focus();
  };
  const onChange = (field: LoginField) => async () => {
    if (!submitted.current) return;
    const result = (await loadChecks()).checkLogin(current());
    setErrors((shown) => ({ ...shown, [field]: result.errors?.[field] }));
  };

  const mutation = useMutation({
    mutationFn: (values: Login) => signIn(values),
    onSuccess: async (me) => {
      // A new session: nothing cached for a previous user may leak into it.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
      await navigate({ to: search.redirect ?? '/' });
    },
    onError: async (error) => {
      const { applyApiFieldErrors } = await loadChecks();
      const setError = (
        field: LoginField,
        { message }: { message: string },
        options?: { shouldFocus?: boolean },
      ) => {
        setErrors((shown) => ({ ...shown, [field]: message }));
        if (options?.shouldFocus) inputs[field].current?.focus();
      };
      applyApiFieldErrors<Login>(error, setError as never, fields);
      if (inputs.password.current) inputs.password.current.value = '';
    },
  });

  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
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
            name="email"
            ref={inputs.email}
            defaultValue={search.email ?? ''}
            onChange={onChange('email')}
            error={errors.email}
          />
          <PasswordInput
            label={t('fields.password')}
            dir="ltr"
            required
            autoComplete="current-password"
            autoFocus={Boolean(search.email)}
            name="password"
            ref={inputs.password}
            onChange={onChange('password')}
            error={errors.password}
          />
          <Button type="submit" size="md" loading={mutation.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
