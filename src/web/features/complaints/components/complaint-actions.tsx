import { Button, Card, Group, Radio, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Complaint, complaintActionAllowed } from '../../../../shared/contracts/complaints';
import { ErrorAlert } from '../../../components/error-alert';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import {
  assignComplaint,
  closeComplaint,
  complaintKeys,
  createImprovementAction,
  handlersQuery,
  replyToComplaint,
} from '../api';

/** Assign, reply (sent to the person), close with their satisfaction, and open an improvement action. */
export function ComplaintActions({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    notifications.show({ color: 'teal', message });
  };
  const allowed = (action: 'assign' | 'reply' | 'close') => complaintActionAllowed(action, complaint.status);

  return (
    <Stack gap="md">
      {allowed('assign') && <AssignCard complaint={complaint} onDone={done} />}
      {allowed('reply') && <ReplyCard complaint={complaint} onDone={done} />}
      {allowed('close') && <CloseCard complaint={complaint} onDone={done} />}
      <ImprovementCard complaint={complaint} onDone={() => done(t('complaints.improvement.created'))} />
    </Stack>
  );
}

interface CardProps {
  complaint: Complaint;
  onDone: (message: string) => void;
}

function AssignCard({ complaint, onDone }: CardProps) {
  const { t } = useTranslation();
  const handlers = useQuery(handlersQuery);
  const [assigneeId, setAssigneeId] = useState<string | null>(complaint.assigneeId);
  const mutation = useMutation({
    mutationFn: () => assignComplaint(complaint.id, assigneeId!),
    onSuccess: () => onDone(t('complaints.assign.done')),
  });
  // Never the staff member the complaint is about.
  const options = (handlers.data ?? [])
    .filter((u) => u.id !== complaint.aboutStaffId)
    .map((u) => ({ value: u.id, label: u.fullName }));
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('complaints.assign.title')}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('complaints.assign.label')}
          data={options}
          value={assigneeId}
          onChange={setAssigneeId}
          searchable
          w={{ base: '100%', xs: 280 }}
        />
        <Button onClick={() => mutation.mutate()} loading={mutation.isPending} disabled={!assigneeId}>
          {t('complaints.assign.submit')}
        </Button>
      </Group>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </Card>
  );
}

function ReplyCard({ complaint, onDone }: CardProps) {
  const { t } = useTranslation();
  const [reply, setReply] = useState('');
  const mutation = useMutation({
    mutationFn: () => replyToComplaint(complaint.id, reply.trim()),
    onSuccess: (saved) => {
      setReply('');
      onDone(t(`complaints.delivery.${saved.replyDelivery ?? 'none'}`));
    },
  });
  const reachable = complaint.beneficiaryId || complaint.phone;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('complaints.reply.title')}
      </Title>
      <Textarea
        label={t('complaints.reply.label')}
        description={t(reachable ? 'complaints.reply.willSend' : 'complaints.reply.noAddress')}
        value={reply}
        onChange={(e) => setReply(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={3000}
      />
      <Group mt="sm">
        <Button
          onClick={() => mutation.mutate()}
          loading={mutation.isPending}
          disabled={reply.trim().length < 2}
        >
          {t('complaints.reply.submit')}
        </Button>
      </Group>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </Card>
  );
}

function CloseCard({ complaint, onDone }: CardProps) {
  const { t } = useTranslation();
  const [satisfied, setSatisfied] = useState('unknown');
  const mutation = useMutation({
    mutationFn: () => closeComplaint(complaint.id, satisfied === 'unknown' ? null : satisfied === 'yes'),
    onSuccess: () => onDone(t('complaints.close.done')),
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('complaints.close.title')}
      </Title>
      <Radio.Group label={t('complaints.close.question')} value={satisfied} onChange={setSatisfied}>
        <Group mt="xs">
          <Radio value="yes" label={t('complaints.close.yes')} />
          <Radio value="no" label={t('complaints.close.no')} />
          <Radio value="unknown" label={t('complaints.close.unknown')} />
        </Group>
      </Radio.Group>
      <Group mt="sm">
        <Button color="gray" onClick={() => mutation.mutate()} loading={mutation.isPending}>
          {t('complaints.close.submit')}
        </Button>
      </Group>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </Card>
  );
}

function ImprovementCard({ complaint, onDone }: { complaint: Complaint; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  // The service lets the action's effect be measured on its satisfaction (features/improvements).
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const services = useQuery({ ...serviceOptionsQuery, enabled: can('services.read') });
  const mutation = useMutation({
    mutationFn: () =>
      createImprovementAction(complaint.id, {
        title: title.trim(),
        ...(dueDate ? { dueDate } : {}),
        ...(serviceId ? { serviceId } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      }),
    onSuccess: () => {
      setTitle('');
      setDueDate('');
      setDescription('');
      onDone();
    },
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('complaints.improvement.title')}
      </Title>
      <Stack gap="xs">
        <TextInput
          label={t('complaints.improvement.name')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
        />
        <TextInput
          type="date"
          label={t('complaints.improvement.dueDate')}
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('improvements.fields.service')}
          description={t('improvements.fields.serviceHint')}
          placeholder={t('improvements.noService')}
          data={(services.data ?? []).map((s) => ({
            value: s.id,
            label: i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr,
          }))}
          value={serviceId}
          onChange={setServiceId}
          clearable
          searchable
        />
        <Textarea
          label={t('improvements.fields.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={3000}
        />
      </Stack>
      <Group mt="sm">
        <Button
          variant="light"
          onClick={() => mutation.mutate()}
          loading={mutation.isPending}
          disabled={title.trim().length < 3}
        >
          {t('complaints.improvement.submit')}
        </Button>
      </Group>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </Card>
  );
}
