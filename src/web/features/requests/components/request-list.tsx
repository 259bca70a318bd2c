import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { DualDate } from '../../../lib/dates';
import { daysSince, formatNumber, useRequestLabels } from '../labels';
import { OverdueBadge, RequestStatusBadge } from './request-status-badge';

function StageAge({ request, size = 'sm' }: { request: ServiceRequest; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const days = daysSince(request.stageEnteredAt);
  return (
    <Text size={size} c={request.overdue ? 'red.8' : undefined} fw={request.overdue ? 600 : undefined}>
      {days === 0
        ? t('requests.list.sinceToday')
        : t('requests.list.sinceDays', { count: days, formatted: formatNumber(days, i18n.language) })}
    </Text>
  );
}

export function RequestTable({ requests, label }: { requests: ServiceRequest[]; label: string }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('requests.fields.number')}</Table.Th>
            <Table.Th>{t('requests.fields.beneficiary')}</Table.Th>
            <Table.Th>{t('requests.fields.service')}</Table.Th>
            <Table.Th>{t('requests.fields.status')}</Table.Th>
            <Table.Th>{t('requests.fields.inStage')}</Table.Th>
            <Table.Th>{t('requests.fields.expectedDecision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id} className={r.overdue ? 'wasl-row-overdue' : undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/requests/${r.id}`} fw={600}>
                  <bdi>{r.number}</bdi>
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.beneficiaryName}</Text>
                <Text size="xs" c="dimmed">
                  <bdi>{r.beneficiaryFileNumber}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.serviceName(r)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <RequestStatusBadge status={r.status} />
                  {r.overdue && <OverdueBadge size="sm" />}
                </Group>
              </Table.Td>
              <Table.Td>
                <StageAge request={r} />
              </Table.Td>
              <Table.Td>
                <DualDate value={r.expectedDecisionAt} size="xs" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RequestCards({ requests, label }: { requests: ServiceRequest[]; label: string }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {requests.map((r) => (
        <Card
          key={r.id}
          withBorder
          padding="sm"
          component="li"
          className={r.overdue ? 'wasl-card-overdue' : undefined}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/requests/${r.id}`} fw={700}>
              <bdi>{r.number}</bdi>
            </Anchor>
            <Group gap={4} justify="flex-end">
              <RequestStatusBadge status={r.status} size="sm" />
              {r.overdue && <OverdueBadge size="sm" />}
            </Group>
          </Group>
          <Text size="sm" fw={600} mt={4}>
            {r.beneficiaryName}
          </Text>
          <Text size="sm" c="dimmed">
            {labels.serviceName(r)}
          </Text>
          <Group justify="space-between" align="flex-end" mt="xs" gap="xs">
            <StageAge request={r} size="xs" />
            {r.expectedDecisionAt && (
              <Stack gap={0} align="flex-end">
                <Text size="xs" c="dimmed">
                  {t('requests.fields.expectedDecision')}
                </Text>
                <DualDate value={r.expectedDecisionAt} size="xs" />
              </Stack>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
