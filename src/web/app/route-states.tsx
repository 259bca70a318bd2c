import { Button, Center, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';

// Both states replace the whole screen (no app shell around them): each is its own <main> with an h1.
export function RouteErrorPage({ error }: { error: unknown }) {
  const router = useRouter();
  const { t } = useTranslation();
  return (
    <Center component="main" mih="60vh" p="md">
      <Stack maw={480} w="100%">
        <VisuallyHidden component="h1">{t('common.errorTitle')}</VisuallyHidden>
        <ErrorAlert error={error} onRetry={() => void router.invalidate()} />
      </Stack>
    </Center>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="60vh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.description')}</Text>
        <Button component={Link} to="/">
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
