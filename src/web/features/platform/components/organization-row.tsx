import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformOrganizationSummary } from '../../../../shared/contracts/platform';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { changeOrganizationStatus, platformKeys } from '../api';

/** One association: its names, address, counts (never a person) and suspend / resume. */
export function OrganizationRow({
  organization: o,
  own,
}: {
  organization: PlatformOrganizationSummary;
  own: boolean;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const name = i18n.language === 'en' ? o.nameEn : o.nameAr;
  const to = o.status === 'active' ? 'suspend' : 'resume';
  const change = useMutation({
    mutationFn: () => changeOrganizationStatus(o.id, to),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: platformKeys.organizations });
      notifications.show({ color: 'teal', message: t(`platform.${to}Done`, { name }) });
    },
  });
  const confirm = () =>
    modals.openConfirmModal({
      title: t(`platform.${to}Title`),
      children: <Text size="sm">{t(`platform.${to}Confirm`, { name })}</Text>,
      labels: { confirm: t(`platform.${to}`), cancel: t('common.cancel') },
      confirmProps: { color: to === 'suspend' ? 'red' : 'teal' },
      onConfirm: () => change.mutate(),
    });
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id={titleId}>
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            <bdi className="ltr-value">/p/{o.slug}</bdi>
          </Text>
        </Stack>
        <Group gap="xs">
          {own && <Badge variant="light">{t('platform.own')}</Badge>}
          <Badge color={o.status === 'active' ? 'teal' : 'red'}>{t(`platform.statuses.${o.status}`)}</Badge>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mt="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('platform.fields.users')}
          </Text>
          <Num value={o.users} />
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('platform.fields.beneficiaries')}
          </Text>
          <Num value={o.beneficiaries} />
        </Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('platform.fields.createdAt')}
          </Text>
          <DualDate value={o.createdAt} />
        </Stack>
      </SimpleGrid>
      {change.error && <ErrorAlert error={change.error} />}
      <Group justify="flex-end" mt="sm">
        {/* The archive is a plain download: the browser sends the session cookie with it. */}
        <Button
          component="a"
          variant="default"
          href={`/api/v1/platform/organizations/${encodeURIComponent(o.id)}/export`}
          download
          aria-describedby={titleId}
        >
          {t('platform.export')}
        </Button>
        {!own && (
          <Button
            variant="light"
            color={to === 'suspend' ? 'red' : 'teal'}
            loading={change.isPending}
            onClick={confirm}
            aria-describedby={titleId}
          >
            {t(`platform.${to}`)}
          </Button>
        )}
      </Group>
    </Card>
  );
}
