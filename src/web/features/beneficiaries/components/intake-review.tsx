import { Alert, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { PageLoader } from '../../../components/page-loader';
import { documentsQuery, householdQuery } from '../api';
import { useOrgLists } from '../settings';

type Level = 'ok' | 'missing' | 'expired';
interface Check {
  key: string;
  level: Level;
  text: string;
}

const icons: Record<Level, { color: string; icon: React.ReactNode }> = {
  ok: { color: 'teal', icon: <IconCircleCheck size={16} aria-hidden /> },
  missing: { color: 'orange', icon: <IconCircleDashed size={16} aria-hidden /> },
  expired: { color: 'red', icon: <IconAlertTriangle size={16} aria-hidden /> },
};

/** What is missing or expired before the officer finishes the intake (policy step 2). */
export function IntakeReview({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  const { documentTypeLabel } = useOrgLists();
  const documents = useQuery(documentsQuery(beneficiary.id));
  const household = useQuery(householdQuery(beneficiary.id));
  if (documents.isPending || household.isPending) return <PageLoader />;

  const docs = documents.data ?? [];
  const checks: Check[] = [
    { key: 'profile', level: 'ok', text: t('beneficiaries.review.profileDone') },
    beneficiary.categories.length
      ? { key: 'categories', level: 'ok', text: t('beneficiaries.review.categoriesDone') }
      : { key: 'categories', level: 'missing', text: t('beneficiaries.review.categoriesMissing') },
    beneficiary.housing
      ? { key: 'housing', level: 'ok', text: t('beneficiaries.review.housingDone') }
      : { key: 'housing', level: 'missing', text: t('beneficiaries.review.housingMissing') },
    (household.data?.length ?? 0) > 0
      ? {
          key: 'household',
          level: 'ok',
          text: t('beneficiaries.review.householdDone', { count: household.data?.length ?? 0 }),
        }
      : { key: 'household', level: 'missing', text: t('beneficiaries.review.householdMissing') },
    docs.some((d) => d.type === 'national_id')
      ? { key: 'id-doc', level: 'ok', text: t('beneficiaries.review.idDocDone') }
      : { key: 'id-doc', level: 'missing', text: t('beneficiaries.review.idDocMissing') },
    // One line per type that is expired with no valid document of that type (as the profile counts them).
    ...[...new Set(docs.filter((d) => d.expired).map((d) => d.type))]
      .filter((type) => !docs.some((d) => d.type === type && !d.expired))
      .map<Check>((type) => ({
        key: `expired-${type}`,
        level: 'expired',
        text: t('beneficiaries.review.docExpired', { type: documentTypeLabel(type) }),
      })),
    beneficiary.declaration.current
      ? { key: 'declaration', level: 'ok', text: t('beneficiaries.review.declarationDone') }
      : {
          key: 'declaration',
          level: 'missing',
          text: t('beneficiaries.review.declarationMissing', {
            reason: t(
              `beneficiaries.declaration.reasons.${beneficiary.declaration.reason ?? 'never_signed'}`,
            ),
          }),
        },
  ];
  const problems = checks.filter((c) => c.level !== 'ok').length;

  return (
    <Stack gap="md">
      <Alert
        color={problems ? 'orange' : 'teal'}
        title={
          problems
            ? t('beneficiaries.review.problems', { count: problems })
            : t('beneficiaries.review.allGood')
        }
      >
        <Text size="sm">{t('beneficiaries.review.help')}</Text>
      </Alert>
      <List spacing="xs" center aria-label={t('beneficiaries.review.title')}>
        {checks.map((check) => (
          <List.Item
            key={check.key}
            icon={
              <ThemeIcon color={icons[check.level].color} size={24} radius="xl" variant="light">
                {icons[check.level].icon}
              </ThemeIcon>
            }
          >
            <Text
              size="sm"
              c={check.level === 'expired' ? 'red' : undefined}
              fw={check.level === 'ok' ? 400 : 600}
            >
              {check.text}
            </Text>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
