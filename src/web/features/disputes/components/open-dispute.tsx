import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { disputeKeys, openDispute } from '../api';

/** Opens a dispute with the beneficiary whose disputes are listed (from their profile). */
export function OpenDisputeButton({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      openDispute({ beneficiaryId, subject: subject.trim(), description: description.trim() }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: disputeKeys.all });
      close();
      await navigate({ to: `/disputes/${saved.id}` as never });
    },
  });
  if (!can('disputes.manage')) return null;
  const ready = subject.trim().length >= 2 && description.trim().length >= 2;
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        {t('disputes.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('disputes.open')} size="lg">
        <Stack gap="sm">
          <TextInput
            label={t('disputes.fields.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <Textarea
            label={t('disputes.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={4}
            required
            maxLength={5000}
          />
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button loading={mutation.isPending} disabled={!ready} onClick={() => mutation.mutate()}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
