import { Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Survey } from '../../../../shared/contracts/surveys';
import { ErrorAlert } from '../../../components/error-alert';
import { useNumberFormat } from '../../../lib/numbers';
import { staffQuery } from '../../../lib/pick-lists';
import { inviteStaff } from '../api';

/** An internal survey: ask colleagues to rate a department («الشؤون المالية», …). */
export function InviteStaffButton({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const [opened, { open, close }] = useDisclosure(false);
  const [userIds, setUserIds] = useState<string[]>([]);
  const staff = useQuery({ ...staffQuery, enabled: opened });
  const mutation = useMutation({
    mutationFn: () => inviteStaff(survey.id, userIds),
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: t('surveys.invite.done', {
          count: result.sent,
          n: format.number(result.sent),
        }),
      });
      setUserIds([]);
      close();
    },
  });
  return (
    <>
      <Button variant="light" leftSection={<IconSend size={16} aria-hidden />} onClick={open}>
        {t('surveys.invite.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('surveys.close') }}
        title={t('surveys.invite.title')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('surveys.invite.body', { department: survey.ratedDepartment ?? '' })}</Text>
          <MultiSelect
            label={t('surveys.invite.users')}
            data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            value={userIds}
            onChange={setUserIds}
            searchable
            comboboxProps={{ withinPortal: true }}
            nothingFoundMessage={t('surveys.invite.nobody')}
          />
          {staff.isError && <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />}
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => mutation.mutate()}
              loading={mutation.isPending}
              disabled={userIds.length === 0}
            >
              {t('surveys.invite.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
