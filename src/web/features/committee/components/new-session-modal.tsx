import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { textSchema } from '../../../../shared/contracts/common';
import { ErrorAlert } from '../../../components/error-alert';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan, useMe } from '../../../lib/session';
import { committeeKeys, committeeMembersQuery, createSession } from '../api';

interface NewSessionValues {
  title: string;
  scheduledFor: string;
  chairId: string;
  memberIds: string[];
  quorum: number | undefined;
}

const schema = z.object({
  title: textSchema(3, 200),
  scheduledFor: z.string().min(1),
  chairId: z.string().min(1),
  memberIds: z.array(z.string()),
  quorum: z.number().int().min(1).max(30).optional(),
});

function defaultWhen(): string {
  const d = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

/** Schedules a committee session: who chairs, who sits, and how many votes make a quorum. */
export function NewSessionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canList = can('committee.manage');
  const members = useQuery({ ...committeeMembersQuery, enabled: opened && canList });
  const iAmMember = me?.user.roles.includes('committee_member') ?? false;
  const options = canList
    ? (members.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))
    : me && iAmMember
      ? [{ value: me.user.id, label: t('committee.new.me', { name: me.user.fullName }) }]
      : [];

  const form = useForm<NewSessionValues>({
    resolver: formResolver<NewSessionValues>(schema),
    defaultValues: {
      title: '',
      scheduledFor: defaultWhen(),
      chairId: !canList && iAmMember ? (me?.user.id ?? '') : '',
      memberIds: [],
      quorum: undefined,
    },
  });
  const { errors } = form.formState;
  const chairId = form.watch('chairId');

  const mutation = useMutation({
    mutationFn: (v: NewSessionValues) =>
      createSession({
        title: v.title,
        scheduledFor: new Date(v.scheduledFor).toISOString(),
        chairId: v.chairId,
        memberIds: [...new Set([v.chairId, ...v.memberIds])],
        quorum: v.quorum,
      }),
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: committeeKeys.list });
      notifications.show({ color: 'teal', message: t('committee.new.created') });
      onClose();
      await navigate({ to: '/committee/$sessionId', params: { sessionId: session.id } });
    },
    onError: (error) =>
      applyApiFieldErrors(error, form.setError, ['title', 'scheduledFor', 'chairId', 'memberIds', 'quorum']),
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('committee.new.title')} size="lg">
      <form onSubmit={form.handleSubmit((v) => mutation.mutate(v))} noValidate>
        <Stack gap="md">
          {!canList && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />}>
              {iAmMember ? t('committee.new.onlyMe') : t('committee.new.cannotChair')}
            </Alert>
          )}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          {members.error && <ErrorAlert error={members.error} />}
          <TextInput
            label={t('committee.new.sessionTitle')}
            required
            data-autofocus
            {...form.register('title')}
            error={errors.title?.message}
          />
          <TextInput
            type="datetime-local"
            label={t('committee.new.scheduledFor')}
            required
            {...form.register('scheduledFor')}
            error={errors.scheduledFor?.message}
          />
          <Controller
            control={form.control}
            name="chairId"
            render={({ field }) => (
              <Select
                label={t('committee.new.chair')}
                required
                data={options}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                searchable
                error={errors.chairId?.message}
                nothingFoundMessage={t('committee.new.noMembers')}
              />
            )}
          />
          {canList && (
            <Controller
              control={form.control}
              name="memberIds"
              render={({ field }) => (
                <MultiSelect
                  label={t('committee.new.members')}
                  description={t('committee.new.membersHint')}
                  data={options.filter((o) => o.value !== chairId)}
                  value={field.value.filter((id) => id !== chairId)}
                  onChange={field.onChange}
                  searchable
                  error={errors.memberIds?.message}
                  nothingFoundMessage={t('committee.new.noMembers')}
                />
              )}
            />
          )}
          <Controller
            control={form.control}
            name="quorum"
            render={({ field }) => (
              <NumberInput
                label={t('committee.new.quorum')}
                description={t('committee.new.quorumHint')}
                value={field.value ?? ''}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
                min={1}
                max={30}
                allowDecimal={false}
                maw={200}
                error={errors.quorum?.message}
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={options.length === 0}>
              {t('committee.new.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
