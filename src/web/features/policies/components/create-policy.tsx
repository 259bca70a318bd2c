import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyKind, policyKinds } from '../../../../shared/contracts/policies';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { createPolicy, policyKeys } from '../api';

/** A new document, its first version a draft. */
export function CreatePolicyButton() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [kind, setKind] = useState<PolicyKind>('policy');
  const [titleAr, setTitleAr] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const [body, setBody] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      createPolicy({
        kind,
        titleAr: titleAr.trim(),
        titleEn: titleEn.trim(),
        reviewDate: normalizeDigits(reviewDate) || undefined,
        body,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
      close();
      await navigate({ to: `/policies/${saved.id}` as never });
    },
  });
  if (!can('policies.manage')) return null;
  const ready = titleAr.trim().length >= 2 && titleEn.trim().length >= 2 && body.trim().length > 0;
  return (
    <>
      <Button onClick={open}>{t('policies.create')}</Button>
      <Modal opened={opened} onClose={close} title={t('policies.create')} size="lg">
        <Stack gap="sm">
          <Select
            label={t('policies.fields.kind')}
            data={policyKinds.map((k) => ({ value: k, label: t(`policies.kind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as PolicyKind)}
            allowDeselect={false}
          />
          <TextInput
            label={t('policies.fields.titleAr')}
            value={titleAr}
            onChange={(e) => setTitleAr(e.currentTarget.value)}
            required
            maxLength={200}
          />
          <TextInput
            label={t('policies.fields.titleEn')}
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
            required
            maxLength={200}
            dir="ltr"
          />
          <TextInput
            type="date"
            label={t('policies.fields.reviewDate')}
            value={reviewDate}
            onChange={(e) => setReviewDate(e.currentTarget.value)}
          />
          <Textarea
            label={t('policies.fields.firstBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={20}
            required
            dir="auto"
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
