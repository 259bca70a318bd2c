import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { type ShareableField, shareableFields } from '../../../../shared/contracts/partners';
import { ErrorAlert } from '../../../components/error-alert';
import { beneficiaryKeys, consentsQuery, createPartnerReferral, partnersQuery } from '../api';

/**
 * Refers the person to a partner body (issue 12): only with their partner_sharing consent in force,
 * sharing only the fields ticked here; what was shared is kept with the referral and on the timeline.
 */
export function PartnerReferralModal({
  beneficiary,
  opened,
  onClose,
}: {
  beneficiary: Beneficiary;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const partners = useQuery({ ...partnersQuery, enabled: opened });
  const consents = useQuery({ ...consentsQuery(beneficiary.id), enabled: opened });
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<ShareableField[]>(['fullName', 'phone']);
  const [tried, setTried] = useState(false);
  const consented = consents.data?.find((c) => c.purpose === 'partner_sharing')?.granted === true;
  const mutation = useMutation({
    mutationFn: () =>
      createPartnerReferral(beneficiary.id, {
        partnerId: partnerId ?? '',
        reason: reason.trim(),
        sharedFields: fields,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.part(beneficiary.id, 'timeline') });
      notifications.show({ color: 'teal', message: t('beneficiaries.partnerReferral.done') });
      setReason('');
      setTried(false);
      onClose();
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (partnerId && reason.trim().length >= 3 && fields.length > 0 && consented) mutation.mutate();
  };
  const options = (partners.data ?? []).map((p) => ({
    value: p.id,
    label: i18n.language === 'en' && p.nameEn ? p.nameEn : p.nameAr,
  }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('beneficiaries.partnerReferral.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {consents.isSuccess && !consented && (
            <Alert color="orange" variant="light">
              {t('beneficiaries.partnerReferral.noConsent')}
            </Alert>
          )}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          {partners.isSuccess && options.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('beneficiaries.partnerReferral.noPartners')}
            </Text>
          )}
          <Select
            label={t('beneficiaries.partnerReferral.partner')}
            required
            searchable
            data={options}
            value={partnerId}
            onChange={setPartnerId}
            error={tried && !partnerId ? t('validation.required') : undefined}
          />
          <Textarea
            label={t('beneficiaries.partnerReferral.reason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={tried && reason.trim().length < 3 ? t('validation.required') : undefined}
          />
          <Checkbox.Group
            label={t('beneficiaries.partnerReferral.fields')}
            description={t('beneficiaries.partnerReferral.fieldsHint')}
            value={fields}
            onChange={(v) => setFields(v as ShareableField[])}
            error={tried && fields.length === 0 ? t('validation.required') : undefined}
          >
            <Stack gap={6} mt={6}>
              {shareableFields.map((f) => (
                <Checkbox key={f} value={f} label={t(`beneficiaries.partnerReferral.field.${f}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={consents.isSuccess && !consented}>
              {t('beneficiaries.partnerReferral.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
