import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Spoiler,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CharterState } from '../../../../shared/contracts/disputes';
import type { PublishedText } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { api } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys } from '../api';
import { useOrgLists } from '../settings';

const charterTextQuery = {
  queryKey: ['charter-text'] as const,
  queryFn: () => api<{ text: PublishedText | null }>('/charter'),
};

/**
 * The beneficiary charter (issue 14 item 3): its published text, whether this person accepted the
 * version in force, and — at intake or at the counter — "the charter was read and accepted" recorded
 * with that version and the channel. Links to the person's disputes for those who follow them.
 */
export function CharterCard({ beneficiaryId }: { beneficiaryId: string }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const titleId = useId();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const stateKey = beneficiaryKeys.part(beneficiaryId, 'charter');
  const text = useQuery(charterTextQuery);
  const state = useQuery({
    queryKey: stateKey,
    queryFn: ({ signal }) =>
      api<CharterState>(`/beneficiaries/${encodeURIComponent(beneficiaryId)}/charter`, { signal }),
  });
  const [read, setRead] = useState(false);
  const [channel, setChannel] = useState<string | null>(
    channelOptions.find((c) => c.value === 'in_person')?.value ?? channelOptions[0]?.value ?? null,
  );
  const mutation = useMutation({
    mutationFn: (versionNumber: number) =>
      api<CharterState>(`/beneficiaries/${encodeURIComponent(beneficiaryId)}/charter`, {
        method: 'POST',
        body: { versionNumber, channel: channel ?? '' },
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(stateKey, saved);
      setRead(false);
      notifications.show({ color: 'teal', message: t('charter.accepted') });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['charter-text'] }),
  });

  if (text.isPending || state.isPending) return <ListSkeleton rows={2} />;
  if (text.isError) return <ErrorAlert error={text.error} onRetry={() => void text.refetch()} />;
  if (state.isError) return <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  const charter = text.data.text;
  const s = state.data;
  const body = charter && (i18n.language === 'en' && charter.bodyEn ? charter.bodyEn : charter.bodyAr);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text fw={700} id={titleId}>
            {t('charter.title')}
          </Text>
          {charter && (
            <Badge color={s.needsAcceptance ? 'orange' : 'teal'} variant="light">
              {s.needsAcceptance
                ? s.acceptedVersion
                  ? t('charter.changed')
                  : t('charter.notAccepted')
                : t('charter.acceptedVersion', { number: s.acceptedVersion })}
            </Badge>
          )}
        </Group>
        {!charter ? (
          <Text size="sm" c="dimmed">
            {t('charter.none')}
          </Text>
        ) : (
          <>
            <Spoiler maxHeight={90} showLabel={t('charter.showAll')} hideLabel={t('charter.showLess')}>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
                {body}
              </Text>
            </Spoiler>
            {s.acceptedAt && (
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('charter.lastAccepted', { number: s.acceptedVersion })}
                </Text>
                <DualDate value={s.acceptedAt} withTime size="xs" />
              </Group>
            )}
            {s.needsAcceptance && can('beneficiaries.record_declaration') && (
              <Stack gap="xs">
                <Checkbox
                  label={t('charter.readAndAccepted', { number: charter.versionNumber })}
                  checked={read}
                  onChange={(e) => setRead(e.currentTarget.checked)}
                />
                <Group gap="sm" align="flex-end">
                  <Select
                    label={t('charter.channel')}
                    data={channelOptions}
                    value={channel}
                    onChange={setChannel}
                    w={{ base: '100%', xs: 220 }}
                  />
                  <Button
                    disabled={!read || !channel}
                    loading={mutation.isPending}
                    onClick={() => mutation.mutate(charter.versionNumber)}
                  >
                    {t('charter.record')}
                  </Button>
                </Group>
                {mutation.error && <ErrorAlert error={mutation.error} />}
              </Stack>
            )}
          </>
        )}
        {can('disputes.read') && (
          <Anchor component={Link} to={`/disputes?beneficiaryId=${beneficiaryId}` as never} size="sm">
            {t('charter.disputesLink')}
          </Anchor>
        )}
        {s.needsAcceptance && !can('beneficiaries.record_declaration') && charter && (
          <Alert color="orange" variant="light" p="xs">
            <Text size="sm">{t('charter.askAtContact')}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
