import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { referralInputSchema, type ServiceRequest } from '../../../../shared/contracts/requests';
import { terminalStatuses } from '../../../../shared/requests/request-machine';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useRoleTitle } from '../../../lib/roles';
import { useCan } from '../../../lib/session';
import { createReferral, type Referral, referralsQuery, requestKeys, supervisorsQuery } from '../api';

/** Unclear cases go to the supervisor (policy step 3), tracked until answered. */
export function ReferralsSection({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery(referralsQuery(request.id));
  const mayRefer = can('requests.refer') && !terminalStatuses.includes(request.status);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-referrals-title">
      <Title order={2} size="h5" id="request-referrals-title" mb="sm">
        {t('requests.referrals.title')}
      </Title>
      {query.isPending ? (
        <Skeleton height={60} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.referrals.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {query.data.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </Stack>
      )}
      {mayRefer && <ReferralForm requestId={request.id} />}
    </Card>
  );
}

function ReferralCard({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xs" radius="sm" className={r.overdue ? 'wasl-card-overdue' : undefined}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm" fw={600}>
          {t('requests.referrals.to', { name: r.assigneeName ?? t('common.none') })}
        </Text>
        <Group gap={4}>
          <Badge color={r.status === 'answered' ? 'teal' : 'blue'} variant="light">
            {t(`requests.referrals.status.${r.status}`)}
          </Badge>
          {r.overdue && (
            <Badge color="red" variant="filled">
              {t('requests.overdue')}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="sm" mt={4} className="wasl-timeline-note">
        {r.reason}
      </Text>
      {r.answer && (
        <Text size="sm" mt={4} c="teal.9" className="wasl-timeline-note">
          {t('requests.referrals.answer')}: {r.answer}
        </Text>
      )}
      <Group gap={6} mt={4}>
        <Text size="xs" c="dimmed">
          {t('requests.referrals.due')}
        </Text>
        <DualDate value={r.dueAt} size="xs" />
      </Group>
    </Card>
  );
}

interface ReferralFormValues {
  assigneeId: string;
  reason: string;
  dueInDays: number;
}

/** Refers the case to a supervisor chosen from the staff directory (names and roles only). */
function ReferralForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const roleTitle = useRoleTitle();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mayRefer = can('requests.refer');
  const supervisors = useQuery({ ...supervisorsQuery, enabled: mayRefer && open });
  const form = useForm<ReferralFormValues>({
    resolver: formResolver<ReferralFormValues>(referralInputSchema),
    defaultValues: { assigneeId: '', reason: '', dueInDays: 3 },
  });
  const mutation = useMutation({
    mutationFn: (values: ReferralFormValues) => createReferral(requestId, values),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: requestKeys.part(requestId, 'referrals') });
      notifications.show({ color: 'teal', message: t('requests.referrals.created') });
      form.reset();
      setOpen(false);
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['assigneeId', 'reason', 'dueInDays']),
  });
  const forbidden = !mayRefer || (supervisors.error instanceof ApiError && supervisors.error.status === 403);

  if (forbidden) {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} mt="sm">
        {t('requests.referrals.unavailable', { role: roleTitle('supervisor') })}
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button variant="light" size="sm" mt="sm" onClick={() => setOpen(true)}>
        {t('requests.referrals.new')}
      </Button>
    );
  }
  return (
    <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm" mt="sm">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        {supervisors.isError && <ErrorAlert error={supervisors.error} />}
        <Controller
          control={form.control}
          name="assigneeId"
          render={({ field, fieldState }) => (
            <Select
              label={roleTitle('supervisor')}
              required
              data={(supervisors.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              error={fieldState.error ? t('validation.choose') : undefined}
              nothingFoundMessage={t('requests.referrals.noSupervisors')}
            />
          )}
        />
        <Textarea
          label={t('requests.referrals.reason')}
          required
          autosize
          minRows={2}
          {...form.register('reason')}
          error={form.formState.errors.reason?.message}
        />
        <Controller
          control={form.control}
          name="dueInDays"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('requests.referrals.dueInDays')}
              min={1}
              max={60}
              allowDecimal={false}
              maw={200}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : Number.NaN)}
              error={fieldState.error?.message}
            />
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('requests.referrals.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
