import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileText, IconUpload } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { beneficiaryKeys, documentsQuery, fileUrls } from '../api';
import { useOrgLists } from '../settings';
import { ExpiredBadge } from './beneficiary-badges';
import { DocumentUploadForm } from './document-upload-form';

/**
 * الوثائق — each with its type, number, dates; expired ones flagged in red at once, until a valid
 * document of the same type is added (then the old one is only marked as replaced).
 */
export function DocumentsSection({
  beneficiaryId,
  startOpen = false,
}: {
  beneficiaryId: string;
  startOpen?: boolean;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const { documentTypeLabel } = useOrgLists();
  const query = useQuery(documentsQuery(beneficiaryId));
  const [uploading, setUploading] = useState(startOpen);
  const validTypes = new Set((query.data ?? []).filter((d) => !d.expired).map((d) => d.type));

  return (
    <Stack gap="md">
      {query.isPending ? (
        <ListSkeleton rows={2} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('beneficiaries.documents.empty')} />
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('beneficiaries.tabs.documents')}
        >
          {query.data.map((doc) => {
            const replaced = doc.expired && validTypes.has(doc.type);
            const alarm = doc.expired && !replaced;
            return (
              <Card
                key={doc.id}
                withBorder
                padding="sm"
                component="li"
                className={alarm ? 'wasl-doc-expired' : undefined}
              >
                <Group justify="space-between" align="flex-start" gap="xs">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <IconFileText size={22} aria-hidden />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text fw={600}>{documentTypeLabel(doc.type)}</Text>
                      {doc.number && (
                        <Text size="sm" c="dimmed">
                          {t('beneficiaries.documents.number')}: <bdi>{doc.number}</bdi>
                        </Text>
                      )}
                    </Stack>
                  </Group>
                  {alarm && <ExpiredBadge />}
                  {replaced && (
                    <Badge color="gray" variant="light">
                      {t('beneficiaries.documents.superseded')}
                    </Badge>
                  )}
                </Group>
                <Group gap="lg" mt="xs" align="flex-start">
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('beneficiaries.documents.issueDate')}
                    </Text>
                    <DualDate value={doc.issueDate} size="xs" />
                  </Stack>
                  <Stack gap={0}>
                    <Text size="xs" c={alarm ? 'red.8' : 'gray.7'}>
                      {t('beneficiaries.documents.expiryDate')}
                    </Text>
                    <DualDate value={doc.expiryDate} size="xs" />
                  </Stack>
                  <Stack gap={0}>
                    <Text size="xs" c="dimmed">
                      {t('beneficiaries.documents.uploadedAt')}
                    </Text>
                    <DualDate value={doc.uploadedAt} size="xs" withTime />
                  </Stack>
                </Group>
                <Anchor
                  href={fileUrls.document(beneficiaryId, doc.id)}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                  mt="xs"
                >
                  {t('beneficiaries.documents.open', { name: doc.fileName })}
                </Anchor>
              </Card>
            );
          })}
        </Stack>
      )}
      {can('beneficiaries.upload_documents') &&
        (uploading ? (
          <Card withBorder padding="md">
            <Text fw={600} mb="sm">
              {t('beneficiaries.documents.uploadTitle')}
            </Text>
            <DocumentUploadForm
              beneficiaryId={beneficiaryId}
              onUploaded={(doc) => {
                void queryClient.invalidateQueries({ queryKey: beneficiaryKeys.detail(beneficiaryId) });
                notifications.show({
                  color: doc.expired ? 'red' : 'teal',
                  message: doc.expired
                    ? t('beneficiaries.documents.uploadedExpired')
                    : t('beneficiaries.documents.uploaded'),
                });
              }}
            />
          </Card>
        ) : (
          <Group>
            <Button
              variant="light"
              leftSection={<IconUpload size={18} aria-hidden />}
              onClick={() => setUploading(true)}
            >
              {t('beneficiaries.documents.add')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}
