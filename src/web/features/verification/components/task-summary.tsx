import { Badge, Card, Image, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DualDate } from '../../../lib/dates';
import { useOrgLists } from '../../../lib/org-lists';
import { useMe } from '../../../lib/session';
import { photoUrl, taskPhotosQuery, type VerificationTask } from '../api';
import { recommendationColor } from '../labels';
import type { DocumentCheck } from './document-checks';
import { isCapturedLocation } from './location-field';
import { answerText } from './question-field';

/** A finished task as the researcher recorded it: answers, photos, findings and recommendation. */
export function TaskSummary({ task }: { task: VerificationTask }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { documentTypeLabel } = useOrgLists();
  const photos = useQuery({ ...taskPhotosQuery(task.id), enabled: task.mechanism === 'field_visit' });
  const settings = me?.organization.settings;
  const questions =
    task.mechanism === 'interview'
      ? (settings?.interviewQuestions ?? [])
      : task.mechanism === 'field_visit'
        ? (settings?.fieldVisitChecklist ?? [])
        : [];
  const en = i18n.language === 'en';
  const documents = (task.answers.documents ?? {}) as Record<string, DocumentCheck>;
  const rows: { label: string; value: string }[] = [
    ...Object.entries(documents).map(([type, check]) => ({
      label: documentTypeLabel(type),
      value: [check.status ? t(`verification.task.docStatus.${check.status}`) : '', check.notes ?? '']
        .filter(Boolean)
        .join(' — '),
    })),
    ...(typeof task.answers.attendance === 'string'
      ? [
          {
            label: t('verification.task.attendance'),
            value: t(`verification.task.attendanceOptions.${task.answers.attendance}`),
          },
        ]
      : []),
    ...questions.map((q) => ({
      label: en ? q.labelEn : q.labelAr,
      value: answerText(t, task.answers[q.id]),
    })),
  ];
  const location = task.answers.location;

  return (
    <Stack gap="md">
      <Card withBorder padding="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('verification.task.resultTitle')}
        </Title>
        <Stack gap="xs">
          {task.recommendation && (
            <Badge color={recommendationColor[task.recommendation]} size="lg" variant="light">
              {t(`verification.recommendations.${task.recommendation}`)}
            </Badge>
          )}
          <Text className="pre-wrap">{task.findings}</Text>
          {task.completedAt && (
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('verification.task.completedAt')}
              </Text>
              <DualDate value={task.completedAt} withTime size="xs" />
            </Stack>
          )}
        </Stack>
      </Card>
      {rows.length > 0 && (
        <Card withBorder padding="md" radius="md">
          <Table verticalSpacing="xs" aria-label={t('verification.task.answersTitle')}>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.label}>
                  <Table.Th w="50%" fw={500}>
                    {row.label}
                  </Table.Th>
                  <Table.Td className="pre-wrap">{row.value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {isCapturedLocation(location) && (
        <Text size="sm">
          {t('verification.task.locationCaptured', { accuracy: location.accuracy })}{' '}
          <bdi dir="ltr">
            {location.lat}, {location.lng}
          </bdi>
        </Text>
      )}
      {photos.data && photos.data.length > 0 && (
        <SimpleGrid cols={{ base: 3, sm: 4 }} spacing="xs">
          {photos.data.map((photo, index) => (
            <a key={photo.id} href={photoUrl(task.id, photo.id)} target="_blank" rel="noreferrer">
              <Image
                src={photoUrl(task.id, photo.id)}
                alt={t('verification.task.photoAlt', { n: index + 1 })}
                h={96}
                radius="sm"
                fit="cover"
              />
            </a>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
