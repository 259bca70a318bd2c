import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Improvement,
  type ImprovementStatus,
  improvementStatuses,
  type UpdateImprovement,
} from '../../../../shared/contracts/surveys';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { serviceOptionsQuery, staffQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { improvementKeys, improvementQuery, updateImprovement } from '../api';
import { EffectCard } from '../components/effect-card';
import { ImprovementBadges } from '../components/improvement-badges';
import { PublicWordingCard } from '../components/public-wording';

/** One improvement action: what it is, its progress and outcome («ما تم»), «قلتم، فعلنا», and its effect. */
export function ImprovementPage() {
  return (
    <RequirePermission action="improvements.read">
      <Detail />
    </RequirePermission>
  );
}

function Detail() {
  const { t } = useTranslation();
  const { actionId } = useParams({ from: '/app/improvement-actions/$actionId' });
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(improvementQuery(actionId));
  const mutation = useMutation({
    mutationFn: (patch: UpdateImprovement) => updateImprovement(actionId, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(improvementKeys.one(actionId), saved);
      void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      notifications.show({ color: 'teal', message: t('improvements.saved') });
    },
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const action = query.data;
  const canManage = can('improvements.manage');
  return (
    <>
      <PageHeader title={action.title} actions={<ImprovementBadges action={action} />} />
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Grid gap="md" mt={mutation.isError ? 'md' : 0}>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Facts action={action} />
            {canManage && (
              <ProgressCard
                key={`${action.id}-${action.status}-${action.outcome ?? ''}`}
                action={action}
                saving={mutation.isPending}
                onSave={(patch) => mutation.mutate(patch)}
              />
            )}
            <PublicWordingCard
              key={`${action.id}-${action.publishedAt ?? ''}`}
              action={action}
              canManage={canManage}
              saving={mutation.isPending}
              onSave={(patch) => mutation.mutate(patch)}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <EffectCard action={action} />
        </Grid.Col>
      </Grid>
    </>
  );
}

function Facts({ action }: { action: Improvement }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const services = useQuery({
    ...serviceOptionsQuery,
    enabled: Boolean(action.serviceId) && can('services.read'),
  });
  const service = services.data?.find((s) => s.id === action.serviceId);
  const serviceName = service
    ? i18n.language === 'en' && service.nameEn
      ? service.nameEn
      : service.nameAr
    : null;
  const row = (label: string, value: React.ReactNode) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Card withBorder component="section" aria-labelledby="facts-title">
      <Title order={2} size="h4" mb="sm" id="facts-title">
        {t('improvements.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {row(
          t('improvements.fields.source'),
          action.sourceComplaintId ? (
            <Anchor component={Link} to={`/complaints/${action.sourceComplaintId}` as never}>
              {t('improvements.source.complaint')}
            </Anchor>
          ) : (
            t(`improvements.source.${action.source}`)
          ),
        )}
        {row(
          t('improvements.fields.service'),
          serviceName ?? (action.serviceId ? t('common.none') : t('improvements.noService')),
        )}
        {row(t('improvements.fields.owner'), action.ownerName ?? t('improvements.noOwner'))}
        {row(t('improvements.fields.dueDate'), <DualDate value={action.dueDate} />)}
        {row(t('improvements.fields.createdAt'), <DualDate value={action.createdAt} />)}
        {action.completedAt &&
          row(t('improvements.fields.completedAt'), <DualDate value={action.completedAt} />)}
      </SimpleGrid>
      {action.description && (
        <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {action.description}
        </Text>
      )}
      {action.outcome && (
        <>
          <Text size="xs" c="dimmed" mt="sm">
            {t('improvements.fields.outcome')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {action.outcome}
          </Text>
        </>
      )}
    </Card>
  );
}

interface ProgressProps {
  action: Improvement;
  saving: boolean;
  onSave: (patch: UpdateImprovement) => void;
}

function ProgressCard({ action, saving, onSave }: ProgressProps) {
  const { t } = useTranslation();
  const staff = useQuery(staffQuery);
  const [status, setStatus] = useState<ImprovementStatus>(action.status);
  const [ownerId, setOwnerId] = useState<string | null>(action.ownerId);
  const [dueDate, setDueDate] = useState(action.dueDate?.slice(0, 10) ?? '');
  const [outcome, setOutcome] = useState(action.outcome ?? '');
  const needsOutcome = status === 'done' && outcome.trim().length < 3;
  const save = () => {
    const due = normalizeDigits(dueDate);
    onSave({
      status,
      ownerId,
      dueDate: due || null,
      outcome: outcome.trim() || null,
    });
  };
  return (
    <Card withBorder component="section" aria-labelledby="progress-title">
      <Title order={2} size="h4" mb="sm" id="progress-title">
        {t('improvements.progress')}
      </Title>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('improvements.fields.status')}
            data={improvementStatuses.map((s) => ({ value: s, label: t(`improvements.status.${s}`) }))}
            value={status}
            onChange={(v) => v && setStatus(v as ImprovementStatus)}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            label={t('improvements.fields.owner')}
            data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
            w={{ base: '100%', xs: 220 }}
          />
          <TextInput
            type="date"
            label={t('improvements.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            w={{ base: '100%', xs: 180 }}
          />
        </Group>
        <Textarea
          label={t('improvements.fields.outcome')}
          description={t('improvements.outcomeHint')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={3000}
          error={needsOutcome ? t('improvements.outcomeRequired') : undefined}
        />
        <Group>
          <Button onClick={save} loading={saving} disabled={needsOutcome}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
