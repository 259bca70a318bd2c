import {
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreateSurvey,
  createSurveySchema,
  type Survey,
  type SurveyQuestion,
  type SurveyTrigger,
  surveyTriggers,
} from '../../../../shared/contracts/surveys';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { newQuestion, QuestionEditor } from './question-editor';
import { QuestionPreview } from './question-preview';

const allServices = 'all';

function initial(survey: Survey | undefined): CreateSurvey {
  return {
    nameAr: survey?.nameAr ?? '',
    nameEn: survey?.nameEn ?? '',
    trigger: survey?.trigger ?? 'delivery',
    serviceId: survey?.serviceId ?? null,
    ratedDepartment: survey?.ratedDepartment ?? null,
    periodDays: survey?.periodDays ?? null,
    active: survey?.active ?? true,
    questions: survey?.questions ?? [newQuestion([])],
  };
}

interface Props {
  survey?: Survey;
  readOnly?: boolean;
  saving: boolean;
  error: unknown;
  onSave: (value: CreateSurvey, questionsChanged: boolean) => void;
}

/** The survey's settings and questions beside a preview; saving changed questions warns of a new version. */
export function SurveyForm({ survey, readOnly = false, saving, error, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const services = useQuery(serviceOptionsQuery);
  const [value, setValue] = useState<CreateSurvey>(() => initial(survey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (patch: Partial<CreateSurvey>) => setValue((v) => ({ ...v, ...patch }));
  const serverErrors = error instanceof ApiError ? error.fieldErrors : {};
  const fieldErrors = { ...serverErrors, ...errors };
  const err = (field: string) => {
    const code = fieldErrors[field];
    return code ? t(`surveys.designer.errors.${code}`, { defaultValue: code }) : undefined;
  };

  const submit = () => {
    const body: CreateSurvey = {
      ...value,
      ratedDepartment: value.trigger === 'internal' ? value.ratedDepartment : null,
      periodDays: value.trigger === 'periodic' ? value.periodDays : null,
    };
    const parsed = createSurveySchema.safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        next[key] ??=
          issue.message.startsWith('OPTIONS') || issue.message.startsWith('DUPLICATE')
            ? issue.message
            : 'INVALID';
      }
      setErrors(next);
      return;
    }
    setErrors({});
    const changed =
      Boolean(survey) && JSON.stringify(survey?.questions) !== JSON.stringify(parsed.data.questions);
    if (!changed) return onSave(parsed.data, false);
    modals.openConfirmModal({
      title: t('surveys.designer.newVersionTitle'),
      children: t('surveys.designer.newVersionBody', { version: (survey?.version ?? 0) + 1 }),
      labels: { confirm: t('surveys.designer.newVersionConfirm'), cancel: t('common.cancel') },
      onConfirm: () => onSave(parsed.data, true),
    });
  };

  const serviceData = [
    { value: allServices, label: t('surveys.designer.allServices') },
    ...(services.data ?? []).map((s) => ({
      value: s.id,
      label: i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr,
    })),
  ];
  const name = (i18n.language === 'en' ? value.nameEn : value.nameAr) || t('surveys.designer.untitledSurvey');

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Card withBorder component="section" aria-label={t('surveys.designer.settings')}>
            <Title order={2} size="h4" mb="sm">
              {t('surveys.designer.settings')}
            </Title>
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
              <Stack gap="sm">
                <TextInput
                  label={t('surveys.fields.nameAr')}
                  value={value.nameAr}
                  onChange={(e) => set({ nameAr: e.currentTarget.value })}
                  maxLength={150}
                  required
                  error={err('nameAr')}
                />
                <TextInput
                  label={t('surveys.fields.nameEn')}
                  value={value.nameEn}
                  onChange={(e) => set({ nameEn: e.currentTarget.value })}
                  maxLength={150}
                  dir="ltr"
                  required
                  error={err('nameEn')}
                />
                <Select
                  label={t('surveys.fields.trigger')}
                  data={surveyTriggers.map((v) => ({ value: v, label: t(`surveys.triggers.${v}`) }))}
                  value={value.trigger}
                  onChange={(v) => v && set({ trigger: v as SurveyTrigger })}
                  allowDeselect={false}
                />
                {value.trigger === 'internal' && (
                  <TextInput
                    label={t('surveys.fields.ratedDepartment')}
                    description={t('surveys.fields.ratedDepartmentHint')}
                    value={value.ratedDepartment ?? ''}
                    onChange={(e) => set({ ratedDepartment: e.currentTarget.value || null })}
                    maxLength={120}
                    required
                    error={err('ratedDepartment')}
                  />
                )}
                {value.trigger === 'periodic' && (
                  <NumberInput
                    label={t('surveys.fields.periodDays')}
                    min={7}
                    max={366}
                    value={value.periodDays ?? ''}
                    onChange={(v) => set({ periodDays: typeof v === 'number' ? v : null })}
                    required
                    error={err('periodDays')}
                    w={{ base: '100%', xs: 200 }}
                  />
                )}
                {value.trigger !== 'internal' && (
                  <Select
                    label={t('surveys.fields.service')}
                    data={serviceData}
                    value={value.serviceId ?? allServices}
                    onChange={(v) => set({ serviceId: !v || v === allServices ? null : v })}
                    allowDeselect={false}
                    searchable
                  />
                )}
                <Switch
                  label={t('surveys.fields.active')}
                  checked={value.active}
                  onChange={(e) => set({ active: e.currentTarget.checked })}
                />
              </Stack>
            </fieldset>
          </Card>
          <Card withBorder component="section" aria-label={t('surveys.designer.questions')}>
            <Title order={2} size="h4" mb="sm">
              {t('surveys.designer.questions')}
            </Title>
            {survey && survey.answers > 0 && !readOnly && (
              <Text size="sm" c="dimmed" mb="sm">
                {t('surveys.designer.versionHint', { version: survey.version })}
              </Text>
            )}
            <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
              <QuestionEditor
                questions={value.questions}
                onChange={(questions: SurveyQuestion[]) => set({ questions })}
                errors={fieldErrors}
              />
            </fieldset>
            {err('questions') && (
              <Text size="sm" c="red" mt="xs" role="alert">
                {err('questions')}
              </Text>
            )}
          </Card>
          {Boolean(error) && <ErrorAlert error={error} />}
          {!readOnly && (
            <Group>
              <Button onClick={submit} loading={saving}>
                {survey ? t('common.save') : t('surveys.designer.create')}
              </Button>
            </Group>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <QuestionPreview questions={value.questions} title={name} />
      </Grid.Col>
    </Grid>
  );
}
