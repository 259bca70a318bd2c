import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PolicyDetail,
  type PolicyKind,
  type PolicyVersion,
  signedTextKinds,
} from '../../../../shared/contracts/policies';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import {
  approvePolicyVersion,
  editPolicyDraft,
  newPolicyVersion,
  policyKeys,
  publishPolicyVersion,
  submitPolicyVersion,
} from '../api';

function useSaved(policyId: string, onDone?: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (saved: PolicyDetail) => {
    queryClient.setQueryData(policyKeys.one(policyId), saved);
    void queryClient.invalidateQueries({ queryKey: policyKeys.all });
    notifications.show({ color: 'teal', message: t('policies.saved') });
    onDone?.();
  };
}

type Step = 'submit' | 'publish' | 'newVersion';

/** A workflow step behind a confirmation: what it does is said before it is done. */
function ConfirmStep({
  policy,
  version,
  step,
}: {
  policy: PolicyDetail;
  version?: PolicyVersion;
  step: Step;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const onSuccess = useSaved(policy.id, close);
  const mutation = useMutation({
    mutationFn: () =>
      step === 'newVersion'
        ? newPolicyVersion(policy.id)
        : step === 'submit'
          ? submitPolicyVersion(policy.id, version!.id)
          : publishPolicyVersion(policy.id, version!.id),
    onSuccess,
  });
  return (
    <>
      <Button size="sm" variant={step === 'newVersion' ? 'light' : 'filled'} onClick={open}>
        {t(`policies.steps.${step}.button`)}
      </Button>
      <Modal opened={opened} onClose={close} title={t(`policies.steps.${step}.title`)}>
        <Stack gap="sm">
          <Text size="sm">{t(`policies.steps.${step}.explain`)}</Text>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button loading={mutation.isPending} onClick={() => mutation.mutate()}>
              {t(`policies.steps.${step}.confirm`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The board's decision: number and date required, the minutes' reference optional. */
function ApproveStep({ policy, version }: { policy: PolicyDetail; version: PolicyVersion }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [decisionNumber, setNumber] = useState('');
  const [decisionDate, setDate] = useState('');
  const [minutesReference, setMinutes] = useState('');
  const onSuccess = useSaved(policy.id, close);
  const mutation = useMutation({
    mutationFn: () =>
      approvePolicyVersion(policy.id, version.id, {
        decisionNumber: decisionNumber.trim(),
        decisionDate: normalizeDigits(decisionDate),
        minutesReference: minutesReference.trim() || undefined,
      }),
    onSuccess,
  });
  const ready = decisionNumber.trim().length > 0 && decisionDate.length > 0;
  return (
    <>
      <Button size="sm" onClick={open}>
        {t('policies.steps.approve.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('policies.steps.approve.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('policies.steps.approve.explain')}</Text>
          <TextInput
            label={t('policies.fields.decisionNumber')}
            value={decisionNumber}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
            maxLength={60}
          />
          <TextInput
            type="date"
            label={t('policies.fields.decisionDate')}
            value={decisionDate}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('policies.fields.minutesReference')}
            description={t('policies.minutesHint')}
            value={minutesReference}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            maxLength={300}
          />
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button loading={mutation.isPending} disabled={!ready} onClick={() => mutation.mutate()}>
              {t('policies.steps.approve.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** The draft's text, edited in place. */
export function DraftEditor({
  policy,
  version,
}: {
  policy: PolicyDetail;
  version: PolicyVersion & { body: string; bodyEn: string | null };
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState(version.body);
  const [bodyEn, setBodyEn] = useState(version.bodyEn ?? '');
  // The texts people sign carry an English body too, required to publish them.
  const signed = (signedTextKinds as readonly PolicyKind[]).includes(policy.kind);
  const onSuccess = useSaved(policy.id);
  const mutation = useMutation({
    mutationFn: () =>
      editPolicyDraft(policy.id, version.id, body, signed ? bodyEn.trim() || null : undefined),
    onSuccess,
  });
  const changed = body !== version.body || (signed && bodyEn !== (version.bodyEn ?? ''));
  return (
    <Stack gap="sm">
      <Textarea
        label={t('policies.fields.body', { number: version.number })}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={30}
        dir="auto"
      />
      {signed && (
        <Textarea
          label={t('policies.fields.bodyEn', { number: version.number })}
          description={t('policies.bodyEnHint')}
          value={bodyEn}
          onChange={(e) => setBodyEn(e.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={30}
          dir="ltr"
        />
      )}
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <Group>
        <Button
          variant="light"
          loading={mutation.isPending}
          disabled={body.trim().length === 0 || !changed}
          onClick={() => mutation.mutate()}
        >
          {t('policies.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The next step of the version in the works, by the caller's permission. */
export function VersionWorkflow({ policy }: { policy: PolicyDetail }) {
  const can = useCan();
  const latest = policy.versions[0];
  if (!latest) return null;
  const manage = can('policies.manage');
  return (
    <Group gap="sm">
      {manage && latest.status === 'draft' && <ConfirmStep policy={policy} version={latest} step="submit" />}
      {can('policies.approve') && latest.status === 'review' && (
        <ApproveStep policy={policy} version={latest} />
      )}
      {manage && latest.status === 'approved' && (
        <ConfirmStep policy={policy} version={latest} step="publish" />
      )}
      {manage && (latest.status === 'published' || latest.status === 'superseded') && (
        <ConfirmStep policy={policy} step="newVersion" />
      )}
    </Group>
  );
}
