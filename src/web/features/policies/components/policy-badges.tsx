import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PolicySummary } from '../../../../shared/contracts/policies';

/** Published version, the version in the works, overdue review, and the caller's acknowledgement. */
export function PolicyBadges({ policy }: { policy: PolicySummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge variant="light" color={policy.publishedVersion ? 'teal' : 'gray'}>
        {policy.publishedVersion
          ? t('policies.publishedVersion', { number: policy.publishedVersion })
          : t('policies.notPublished')}
      </Badge>
      {policy.latestStatus !== 'published' && policy.latestStatus !== 'superseded' && (
        <Badge variant="light" color="blue">
          {t('policies.inProgress', {
            number: policy.latestVersion,
            status: t(`policies.status.${policy.latestStatus}`),
          })}
        </Badge>
      )}
      {policy.reviewOverdue && (
        <Badge variant="filled" color="red">
          {t('policies.reviewOverdue')}
        </Badge>
      )}
      {policy.acknowledged === false && (
        <Badge variant="outline" color="orange">
          {t('policies.toAcknowledge')}
        </Badge>
      )}
      {policy.acknowledged === true && (
        <Badge variant="outline" color="teal">
          ✓ {t('policies.acknowledgedShort')}
        </Badge>
      )}
    </Group>
  );
}
