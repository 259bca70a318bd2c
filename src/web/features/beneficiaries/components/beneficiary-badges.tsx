import { Badge, Group } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';

const statusColors: Record<Beneficiary['status'], string> = {
  active: 'teal',
  inactive: 'gray',
  deceased: 'dark',
  blocked: 'red',
  pending_verification: 'orange',
};

export function BeneficiaryStatusBadge({ status }: { status: Beneficiary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant={status === 'active' ? 'light' : 'filled'}>
      {t(`beneficiaries.status.${status}`)}
    </Badge>
  );
}

export function ExpiredBadge({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
      {count === undefined
        ? t('beneficiaries.documents.expired')
        : t('beneficiaries.documents.expiredCount', { count })}
    </Badge>
  );
}

export function DeclarationBadge({ declaration }: { declaration: Beneficiary['declaration'] }) {
  const { t } = useTranslation();
  if (declaration.current) {
    return (
      <Badge color="teal" variant="light" leftSection={<IconSignature size={12} aria-hidden />}>
        {t('beneficiaries.declaration.current')}
      </Badge>
    );
  }
  return (
    <Badge color="orange" variant="light" leftSection={<IconSignature size={12} aria-hidden />}>
      {t(`beneficiaries.declaration.reasons.${declaration.reason ?? 'never_signed'}`)}
    </Badge>
  );
}

/** Status, legal hold, declaration and expired documents: everything the header must flag at once. */
export function ProfileFlags({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <BeneficiaryStatusBadge status={beneficiary.status} />
      <DeclarationBadge declaration={beneficiary.declaration} />
      {beneficiary.expiredDocuments > 0 && <ExpiredBadge count={beneficiary.expiredDocuments} />}
      {beneficiary.legalHold && (
        <Badge color="grape" variant="light" leftSection={<IconLock size={12} aria-hidden />}>
          {t('beneficiaries.privacy.onHold')}
        </Badge>
      )}
    </Group>
  );
}
