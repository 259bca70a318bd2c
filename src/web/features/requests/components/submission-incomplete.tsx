import { Alert, Anchor, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';

/** What `422 SUBMISSION_INCOMPLETE` lists (policy steps 2 and 4). */
export interface SubmissionGaps {
  missingDocuments: string[];
  expiredDocuments: string[];
  declaration: 'never_signed' | 'text_changed' | 'data_changed' | null;
  beneficiaryStatus: string | null;
}

export function submissionGaps(error: unknown): SubmissionGaps | null {
  if (!(error instanceof ApiError) || error.code !== 'SUBMISSION_INCOMPLETE') return null;
  const d = error.details ?? {};
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    missingDocuments: list(d.missingDocuments),
    expiredDocuments: list(d.expiredDocuments),
    declaration: (d.declaration as SubmissionGaps['declaration']) ?? null,
    beneficiaryStatus: typeof d.beneficiaryStatus === 'string' ? d.beneficiaryStatus : null,
  };
}

/** Says exactly what blocks the submission, with the way to the beneficiary's file to fix it. */
export function SubmissionIncomplete({
  gaps,
  beneficiaryId,
}: {
  gaps: SubmissionGaps;
  beneficiaryId: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { documentTypeLabel } = useOrgLists();
  const documentsToFix = gaps.missingDocuments.length + gaps.expiredDocuments.length > 0;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('requests.submission.title')}
      role="alert"
      data-testid="submission-incomplete"
    >
      <Text size="sm" mb="xs">
        {t('requests.submission.intro')}
      </Text>
      <List size="sm" spacing={4} withPadding>
        {gaps.missingDocuments.map((code) => (
          <List.Item key={`missing-${code}`}>
            {t('requests.submission.missingDocument', { document: documentTypeLabel(code) })}
          </List.Item>
        ))}
        {gaps.expiredDocuments.map((code) => (
          <List.Item key={`expired-${code}`}>
            {t('requests.submission.expiredDocument', { document: documentTypeLabel(code) })}
          </List.Item>
        ))}
        {gaps.declaration && (
          <List.Item>
            {t('requests.submission.declarationRequired')}{' '}
            <Text span size="sm" c="dimmed">
              ({t(`requests.submission.declaration.${gaps.declaration}`)})
            </Text>
          </List.Item>
        )}
        {gaps.beneficiaryStatus && (
          <List.Item>
            {t('requests.submission.beneficiaryStatus', {
              status: t(`requests.submission.statuses.${gaps.beneficiaryStatus}`, {
                defaultValue: gaps.beneficiaryStatus,
              }),
            })}
          </List.Item>
        )}
      </List>
      <Group gap="md" mt="sm">
        {documentsToFix && (
          <Anchor component={Link} to={`/beneficiaries/${beneficiaryId}`} size="sm" fw={600}>
            {t('requests.submission.openDocuments')}
          </Anchor>
        )}
        {gaps.declaration && can('beneficiaries.record_declaration') && (
          <Anchor component={Link} to={`/beneficiaries/${beneficiaryId}/sign`} size="sm" fw={600}>
            {t('requests.submission.signDeclaration')}
          </Anchor>
        )}
        {!documentsToFix && (
          <Anchor component={Link} to={`/beneficiaries/${beneficiaryId}`} size="sm">
            {t('requests.submission.openProfile')}
          </Anchor>
        )}
      </Group>
    </Alert>
  );
}
