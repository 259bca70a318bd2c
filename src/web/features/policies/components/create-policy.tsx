import { Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consentPurposes } from '../../../../shared/contracts/beneficiaries';
import {
  type PolicyContext,
  type PolicyKind,
  policyContexts,
  policyKinds,
  signedTextKinds,
} from '../../../../shared/contracts/policies';
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
  const [bodyEn, setBodyEn] = useState('');
  const [purpose, setPurpose] = useState<(typeof consentPurposes)[number] | null>(null);
  const [contexts, setContexts] = useState<PolicyContext[]>([]);
  const signed = (signedTextKinds as readonly PolicyKind[]).includes(kind);
  const mutation = useMutation({
    mutationFn: () =>
      createPolicy({
        kind,
        titleAr: titleAr.trim(),
        titleEn: titleEn.trim(),
        reviewDate: normalizeDigits(reviewDate) || undefined,
        body,
        bodyEn: signed && bodyEn.trim() ? bodyEn : undefined,
        purpose: kind === 'consent' ? (purpose ?? undefined) : undefined,
        contexts,
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
      close();
      await navigate({ to: `/policies/${saved.id}` as never });
    },
  });
  if (!can('policies.manage')) return null;
  const ready =
    titleAr.trim().length >= 2 &&
    titleEn.trim().length >= 2 &&
    body.trim().length > 0 &&
    (kind !== 'consent' || purpose !== null);
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
          {kind === 'consent' && (
            <Select
              label={t('policies.fields.purpose')}
              data={consentPurposes.map((p) => ({ value: p, label: t(`policies.purpose.${p}`) }))}
              value={purpose}
              onChange={(v) => setPurpose(v as typeof purpose)}
              required
            />
          )}
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
          {signed && (
            <Textarea
              label={t('policies.fields.firstBodyEn')}
              description={t('policies.bodyEnHint')}
              value={bodyEn}
              onChange={(e) => setBodyEn(e.currentTarget.value)}
              autosize
              minRows={4}
              maxRows={20}
              dir="ltr"
            />
          )}
          <MultiSelect
            label={t('policies.fields.contexts')}
            description={t('policies.contextsHint')}
            data={policyContexts.map((c) => ({ value: c, label: t(`policies.context.${c}`) }))}
            value={contexts}
            onChange={(v) => setContexts(v as PolicyContext[])}
            clearable
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
