import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary, UpdateBeneficiary } from '../../../../shared/contracts/beneficiaries';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys, updateBeneficiary } from '../api';
import { commonNationalities, countryName, formatMoney, useOrgLists } from '../settings';
import { ProfileForm } from './profile-form';
import { profileFromBeneficiary } from './profile-form-values';

export function Info({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Stack>
  );
}

/** The profile's details, with an edit form for the roles that may update them. */
export function ProfileOverview({ beneficiary: b }: { beneficiary: Beneficiary }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const { channelLabel, categoryLabel } = useOrgLists();
  const [editing, setEditing] = useState(false);

  if (editing) {
    return (
      <Card withBorder padding="lg">
        <ProfileForm
          mode="edit"
          defaultValues={profileFromBeneficiary(b, commonNationalities)}
          save={(body) => {
            const { channel: _channel, ...rest } = body;
            return updateBeneficiary(b.id, rest as UpdateBeneficiary);
          }}
          submitLabel={t('common.save')}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            queryClient.setQueryData(beneficiaryKeys.detail(b.id), saved);
            void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(b.id) });
            notifications.show({ color: 'teal', message: t('beneficiaries.profile.saved') });
            setEditing(false);
          }}
        />
      </Card>
    );
  }

  return (
    <Stack gap="md">
      <Card withBorder padding="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
          <Info label={t('beneficiaries.fields.nationalId')}>
            <bdi className="ltr-value">{b.nationalId}</bdi> ({t(`beneficiaries.idKind.${b.idKind}`)})
          </Info>
          <Info label={t('beneficiaries.fields.birthDate')}>
            <DualDate value={`${b.birthDate}T12:00:00Z`} />
          </Info>
          <Info label={t('beneficiaries.fields.gender')}>{t(`beneficiaries.gender.${b.gender}`)}</Info>
          <Info label={t('beneficiaries.fields.phone')}>
            <bdi className="ltr-value">{b.phone}</bdi>
            {b.altPhone && (
              <>
                {' · '}
                <bdi className="ltr-value">{b.altPhone}</bdi>
              </>
            )}
          </Info>
          <Info label={t('beneficiaries.fields.nationality')}>
            {countryName(b.nationality, i18n.language)}
          </Info>
          <Info label={t('beneficiaries.fields.maritalStatus')}>
            {b.maritalStatus && t(`beneficiaries.marital.${b.maritalStatus}`)}
          </Info>
          <Info label={t('beneficiaries.fields.address')}>
            {[b.region, b.city, b.district, b.address].filter(Boolean).join(t('common.listSeparator'))}
          </Info>
          <Info label={t('beneficiaries.fields.preferredChannel')}>
            {b.preferredChannel && channelLabel(b.preferredChannel)}
          </Info>
          <Info label={t('beneficiaries.fields.fullNameEn')}>
            {b.fullNameEn && <bdi>{b.fullNameEn}</bdi>}
          </Info>
          <Info label={t('beneficiaries.fields.categories')}>
            {b.categories.length > 0 && (
              <Group gap={4}>
                {b.categories.map((c) => (
                  <Badge key={c} variant="light">
                    {categoryLabel(c)}
                  </Badge>
                ))}
              </Group>
            )}
          </Info>
          <Info label={t('beneficiaries.fields.housing')}>
            {b.housing &&
              [
                t(`beneficiaries.housingTypes.${b.housing.type}`),
                t(`beneficiaries.ownership.${b.housing.ownership}`),
                b.housing.monthlyRent !== undefined
                  ? formatMoney(b.housing.monthlyRent, i18n.language)
                  : null,
              ]
                .filter(Boolean)
                .join(t('common.listSeparator'))}
          </Info>
          <Info label={t('beneficiaries.fields.incomeSources')}>
            {b.incomeSources
              .map((s) => `${s.source}: ${formatMoney(s.monthlyAmount, i18n.language)}`)
              .join(t('common.listSeparator'))}
          </Info>
          {b.healthConditions !== undefined && (
            <Info label={t('beneficiaries.fields.healthConditions')}>
              {b.healthConditions.length > 0 && (
                <Group gap={4}>
                  {b.healthConditions.map((h) => (
                    <Badge key={h} color="grape" variant="light">
                      {h}
                    </Badge>
                  ))}
                </Group>
              )}
            </Info>
          )}
        </SimpleGrid>
        {b.notes && (
          <Stack mt="md" gap={2}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('beneficiaries.fields.notes')}
            </Text>
            <Text size="sm" className="pre-wrap">
              {b.notes}
            </Text>
          </Stack>
        )}
        {can('beneficiaries.update') && (
          <Group justify="flex-end" mt="md">
            <Button
              variant="light"
              leftSection={<IconEdit size={18} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('beneficiaries.profile.edit')}
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
