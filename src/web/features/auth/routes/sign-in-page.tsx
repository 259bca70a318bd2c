import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Login, Me } from '../../../../shared/contracts/auth';
import { AuthFrame } from '../../../components/auth-frame';
import { ErrorAlert } from '../../../components/error-alert';
import { signIn } from '../api';
import type { LoginField } from '../sign-in-checks';
import type { SignInSearch } from '../sign-in-search';

// The form's checks (zod) are fetched once the page shows, not before it; a submit waits for them if
// they are not in yet. Two fields need no form library either: the first download stays small
// (decision 026). As with react-hook-form elsewhere: checked on submit, then again as a field changes;
// the first field in error takes the focus.
const loadChecks = () => import('../sign-in-checks');
const fields: readonly LoginField[] = ['email', 'password'];

/** The sign-in request's state, as React Query's useMutation kept it (a new attempt clears the error). */
type Attempt = { pending: boolean; error: unknown };

/**
 * The staff sign-in page. It needs neither the router nor React Query: main.tsx shows it before they are
 * loaded (decision 026), and the router's `/sign-in` route shows it inside the app (sign-in-route.tsx).
 * `onSignedIn` opens the app for the new session (until it resolves, the button stays busy).
 */
export function SignInPage({
  search,
  onSignedIn,
}: {
  search: SignInSearch;
  onSignedIn: (me: Me) => Promise<void>;
}) {
  const { t } = useTranslation();

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
    if (result.values) void submit(result.values);
    else inputs[fields.find((field) => result.errors[field]) ?? 'email'].current?.focus();
  };
  const onChange = (field: LoginField) => async () => {
    if (!submitted.current) return;
    const result = (await loadChecks()).checkLogin(current());
    setErrors((shown) => ({ ...shown, [field]: result.errors?.[field] }));
  };

  const [attempt, setAttempt] = useState<Attempt>({ pending: false, error: null });
  const submit = async (values: Login) => {
    setAttempt({ pending: true, error: null });
    try {
      await onSignedIn(await signIn(values));
      setAttempt({ pending: false, error: null });
    } catch (error) {
      await onError(error);
      setAttempt({ pending: false, error });
    }
  };
  const onError = async (error: unknown) => {
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
  };

  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          {search.setup && !attempt.error && (
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('setup.doneTitle')}>
              {t('setup.doneMessage')}
            </Alert>
          )}
          {attempt.error != null && <ErrorAlert error={attempt.error} />}
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
          <Button type="submit" size="md" loading={attempt.pending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
