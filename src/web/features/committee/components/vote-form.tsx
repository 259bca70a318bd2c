import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { voteSchema } from '../../../../shared/contracts/committee';
import { ErrorAlert } from '../../../components/error-alert';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { castVote, committeeKeys, type Vote } from '../api';

interface VoteValues {
  vote: Vote | '';
  reason: string;
}

interface VoteFormProps {
  sessionId: string;
  requestId: string;
  number: string;
  previous?: { vote: Vote; reason: string };
}

/** A member's vote on one case, always with a reason; or a declared conflict of interest. */
export function VoteForm({ sessionId, requestId, number, previous }: VoteFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [conflictOpen, setConflictOpen] = useState(false);
  const form = useForm<VoteValues>({
    resolver: formResolver<VoteValues>(voteSchema),
    defaultValues: { vote: previous?.vote ?? '', reason: previous?.reason ?? '' },
  });
  const mutation = useMutation({
    mutationFn: (v: VoteValues) => castVote(sessionId, requestId, { vote: v.vote as Vote, reason: v.reason }),
    onSuccess: (session, v) => {
      queryClient.setQueryData(committeeKeys.detail(sessionId), session);
      notifications.show({
        color: 'teal',
        message: v.vote === 'conflict' ? t('committee.vote.conflictRecorded') : t('committee.vote.recorded'),
      });
      setConflictOpen(false);
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['vote', 'reason']),
  });
  const { errors } = form.formState;

  return (
    <form
      onSubmit={form.handleSubmit((v) => mutation.mutate(v))}
      noValidate
      aria-label={t('committee.vote.formLabel', { number })}
    >
      <Stack gap="sm">
        {mutation.error && !conflictOpen && <ErrorAlert error={mutation.error} />}
        <Controller
          control={form.control}
          name="vote"
          render={({ field }) => (
            <Radio.Group
              label={t('committee.vote.label')}
              required
              value={field.value}
              onChange={field.onChange}
              error={errors.vote?.message}
            >
              <Group gap="lg" mt={6}>
                {(['approve', 'reject', 'defer'] as const).map((v) => (
                  <Radio key={v} value={v} label={t(`committee.votes.${v}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t('committee.vote.reason')}
          required
          autosize
          minRows={2}
          {...form.register('reason')}
          error={errors.reason?.message}
        />
        <Group justify="space-between" gap="xs">
          <Button variant="subtle" color="orange" onClick={() => setConflictOpen(true)}>
            {t('committee.vote.declareConflict')}
          </Button>
          <Button type="submit" loading={mutation.isPending && !conflictOpen}>
            {previous ? t('committee.vote.change') : t('committee.vote.submit')}
          </Button>
        </Group>
      </Stack>
      <ConflictModal
        opened={conflictOpen}
        onClose={() => setConflictOpen(false)}
        pending={mutation.isPending}
        error={conflictOpen ? mutation.error : null}
        onConfirm={(reason) => mutation.mutate({ vote: 'conflict', reason })}
      />
    </form>
  );
}

function ConflictModal({
  opened,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;
  return (
    <Modal opened={opened} onClose={onClose} title={t('committee.vote.conflictTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('committee.vote.conflictExplain')}</Text>
        {error ? <ErrorAlert error={error} /> : null}
        <Textarea
          label={t('committee.vote.conflictReason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={tooShort}
            loading={pending}
            onClick={() => onConfirm(reason.trim())}
          >
            {t('committee.vote.confirmConflict')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
