import { Alert, Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/contracts/complaints';
import { ErrorAlert } from '../../../components/error-alert';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { complaintQuery } from '../api';
import { ComplaintActions } from '../components/complaint-actions';
import { ComplaintBadges, useCategoryLabel } from '../components/complaint-badges';

/** One complaint or suggestion: what was said, by whom, its deadline, and (for handlers) the actions. */
export function ComplaintPage() {
  return (
    <RequirePermission action="complaints.read">
      <ComplaintView />
    </RequirePermission>
  );
}

function ComplaintView() {
  const { t } = useTranslation();
  const { complaintId } = useParams({ strict: false }) as { complaintId: string };
  const query = useQuery(complaintQuery(complaintId));
  const can = useCan();

  if (query.isPending) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('complaints.one')}
        </Title>
        <Skeleton h={200} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <>
        <Title order={1} size="h2" mb="md">
          {t('complaints.one')}
        </Title>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const complaint = query.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/complaints" size="sm">
        {t('complaints.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {t(`complaints.kinds.${complaint.kind}`)}{' '}
          <bdi className="ltr-value">{complaint.trackingNumber}</bdi>
        </Title>
        <ComplaintBadges complaint={complaint} />
      </Group>
      <Details complaint={complaint} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('complaints.fields.text')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{complaint.text}</Text>
      </Card>
      {complaint.reply && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('complaints.fields.reply')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{complaint.reply}</Text>
          {complaint.replyDelivery && (
            <Alert mt="sm" variant="light" color={complaint.replyDelivery === 'sent' ? 'teal' : 'orange'}>
              {t(`complaints.delivery.${complaint.replyDelivery}`)}
            </Alert>
          )}
        </Card>
      )}
      {complaint.status === 'closed' && (
        <Alert variant="light" color="gray">
          {t(
            `complaints.satisfaction.${complaint.satisfied === null ? 'unknown' : complaint.satisfied ? 'yes' : 'no'}`,
          )}
        </Alert>
      )}
      {can('complaints.handle') && <ComplaintActions complaint={complaint} />}
    </Stack>
  );
}

function Details({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const categoryLabel = useCategoryLabel();
  const who = complaint.beneficiaryName ?? complaint.name ?? t('complaints.anonymous');
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <Field label={t('complaints.fields.from')}>
          {complaint.beneficiaryId ? (
            <Anchor component={Link} to={`/beneficiaries/${complaint.beneficiaryId}`}>
              {who}
            </Anchor>
          ) : (
            who
          )}
        </Field>
        {complaint.phone && (
          <Field label={t('complaints.fields.phone')}>
            <bdi className="ltr-value">{complaint.phone}</bdi>
          </Field>
        )}
        <Field label={t('complaints.fields.source')}>{t(`complaints.sources.${complaint.source}`)}</Field>
        <Field label={t('complaints.fields.category')}>{categoryLabel(complaint.category) ?? '—'}</Field>
        {complaint.aboutStaffName && (
          <Field label={t('complaints.fields.aboutStaff')}>{complaint.aboutStaffName}</Field>
        )}
        <Field label={t('complaints.fields.assignee')}>
          {complaint.assigneeName ?? t('complaints.unassigned')}
        </Field>
        <Field label={t('complaints.fields.createdAt')}>
          <DualDate value={complaint.createdAt} withTime size="sm" />
        </Field>
        <Field label={t('complaints.fields.dueAt')}>
          <DualDate value={complaint.dueAt} size="sm" />
        </Field>
        {complaint.escalatedAt && (
          <Field label={t('complaints.fields.escalatedAt')}>
            <DualDate value={complaint.escalatedAt} withTime size="sm" />
          </Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
