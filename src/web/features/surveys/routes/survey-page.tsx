import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CreateSurvey, Survey } from '../../../../shared/contracts/surveys';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useNumberFormat } from '../../../lib/numbers';
import { useCan } from '../../../lib/session';
import { createSurvey, surveyKeys, surveyQuery, surveyVersionsQuery, updateSurvey } from '../api';
import { InviteStaffButton } from '../components/invite-staff';
import { SurveyForm } from '../components/survey-form';

/** «استبيان جديد»: the designer with nothing in it yet. */
export function NewSurveyPage() {
  return (
    <RequirePermission action="surveys.manage">
      <NewSurvey />
    </RequirePermission>
  );
}

function NewSurvey() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: CreateSurvey) => createSurvey(body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      notifications.show({ color: 'teal', message: t('surveys.designer.created') });
      void navigate({ to: '/surveys/$surveyId', params: { surveyId: saved.id } });
    },
  });
  return (
    <>
      <PageHeader title={t('surveys.new')} description={t('surveys.designer.description')} />
      <SurveyForm
        saving={mutation.isPending}
        error={mutation.error}
        onSave={(body) => mutation.mutate(body)}
      />
    </>
  );
}

/** One survey: its settings and questions (read-only without surveys.manage), versions, staff invitations. */
export function SurveyPage() {
  return (
    <RequirePermission action="surveys.read">
      <SurveyDetail />
    </RequirePermission>
  );
}

function SurveyDetail() {
  const { t, i18n } = useTranslation();
  const { surveyId } = useParams({ from: '/app/surveys/$surveyId' });
  const can = useCan();
  const queryClient = useQueryClient();
  const query = useQuery(surveyQuery(surveyId));
  const mutation = useMutation({
    mutationFn: ({ body, questionsChanged }: { body: CreateSurvey; questionsChanged: boolean }) => {
      const { questions, ...rest } = body;
      return updateSurvey(surveyId, questionsChanged ? body : rest);
    },
    onSuccess: (saved, { questionsChanged }) => {
      queryClient.setQueryData(surveyKeys.one(surveyId), saved);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      notifications.show({
        color: 'teal',
        message: questionsChanged
          ? t('surveys.designer.savedVersion', { version: saved.version })
          : t('surveys.designer.saved'),
      });
    },
  });
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const survey = query.data;
  return (
    <>
      <PageHeader
        title={i18n.language === 'en' ? survey.nameEn : survey.nameAr}
        description={t(`surveys.triggers.${survey.trigger}`)}
        actions={
          survey.trigger === 'internal' && can('surveys.invite') && <InviteStaffButton survey={survey} />
        }
      />
      <Stack gap="md">
        <SurveyForm
          key={`${survey.id}-${survey.updatedAt}`}
          survey={survey}
          readOnly={!can('surveys.manage')}
          saving={mutation.isPending}
          error={mutation.error}
          onSave={(body, questionsChanged) => mutation.mutate({ body, questionsChanged })}
        />
        <Versions survey={survey} />
      </Stack>
    </>
  );
}

function Versions({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const query = useQuery(surveyVersionsQuery(survey.id));
  return (
    <Card withBorder component="section" aria-labelledby="survey-versions">
      <Title order={2} size="h4" mb="sm" id="survey-versions">
        {t('surveys.versions.title')}
      </Title>
      {query.isPending ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('surveys.versions.version')}</Table.Th>
                <Table.Th>{t('surveys.versions.questions')}</Table.Th>
                <Table.Th>{t('surveys.versions.answers')}</Table.Th>
                <Table.Th>{t('surveys.versions.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>
                    <Group gap={6}>
                      {format.number(v.version)}
                      {v.version === survey.version && (
                        <Badge size="sm" variant="light">
                          {t('surveys.versions.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.number(v.questions.length)}</Table.Td>
                  <Table.Td>{format.number(v.answers)}</Table.Td>
                  <Table.Td>
                    <DualDate value={v.createdAt} size="xs" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
