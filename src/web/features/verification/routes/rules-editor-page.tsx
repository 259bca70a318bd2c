import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  NumberInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDeviceFloppy, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { Controller, type FieldErrors, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type Criterion,
  criterionKinds,
  type RuleSet,
  ruleSetSchema,
} from '../../../../shared/eligibility/rules';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useOrgLists } from '../../../lib/org-lists';
import {
  previewRules,
  type RulesDocument,
  rulesQuery,
  saveRules,
  serviceQuery,
  verificationKeys,
  type WhatIfResult,
} from '../api';
import { CriterionEditor, type CriterionErrors, newCriterion } from '../components/criterion-editor';
import { WhatIfResultCard } from '../components/what-if-result';
import '../verification.css';

export function RulesEditorPage() {
  return (
    <RequirePermission action="rules.manage">
      <RulesLoader />
    </RequirePermission>
  );
}

function RulesLoader() {
  const { serviceId } = useParams({ strict: false }) as { serviceId: string };
  const service = useQuery(serviceQuery(serviceId));
  const rules = useQuery(rulesQuery(serviceId));
  if (service.isPending || rules.isPending) return <PageLoader />;
  if (service.isError) return <ErrorAlert error={service.error} onRetry={() => void service.refetch()} />;
  if (rules.isError) return <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <RulesEditor
      key={rules.data.version}
      serviceId={serviceId}
      serviceName={service.data.nameAr}
      serviceNameEn={service.data.nameEn}
      document={rules.data}
    />
  );
}

/** The errors of one criterion, flattened to field name → message. */
function criterionErrors(errors: FieldErrors<RuleSet>, index: number): CriterionErrors {
  const entry = (
    errors.criteria as unknown as Record<number, Record<string, { message?: string }>> | undefined
  )?.[index];
  if (!entry) return {};
  const out: CriterionErrors = {};
  for (const [key, value] of Object.entries(entry)) {
    if (value && typeof value === 'object' && 'message' in value)
      out[key === 'root' ? '' : key] = value.message;
  }
  return out;
}

function RulesEditor({
  serviceId,
  serviceName,
  serviceNameEn,
  document,
}: {
  serviceId: string;
  serviceName: string;
  serviceNameEn: string;
  document: RulesDocument;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { documentTypeOptions } = useOrgLists();
  const [preview, setPreview] = useState<{ result: WhatIfResult; snapshot: string } | null>(null);
  const form = useForm<RuleSet>({
    resolver: formResolver<RuleSet>(ruleSetSchema),
    defaultValues: { criteria: document.rules.criteria, threshold: document.rules.threshold },
  });
  const { errors } = form.formState;
  const criteria = form.watch('criteria');
  const threshold = form.watch('threshold');
  const snapshot = JSON.stringify({ criteria, threshold });
  const hasPoints = criteria.some((c) => c.mode === 'points');
  const maxPoints = criteria.reduce((s, c) => s + (c.mode === 'points' ? c.weight : 0), 0);

  const onApiError = (error: unknown) =>
    applyApiFieldErrors(error, form.setError, (path) => path === 'threshold' || path.startsWith('criteria.'));

  const whatIf = useMutation({
    mutationFn: (values: RuleSet) => previewRules(serviceId, values),
    onSuccess: (result, values) => setPreview({ result, snapshot: JSON.stringify(values) }),
    onError: onApiError,
  });
  const save = useMutation({
    mutationFn: (values: RuleSet) => saveRules(serviceId, values),
    onSuccess: async (saved) => {
      queryClient.setQueryData(verificationKeys.rules(serviceId), saved);
      notifications.show({
        color: 'teal',
        message: t('verification.rules.saved', { version: saved.version }),
      });
    },
    onError: onApiError,
  });

  const setCriteria = (next: Criterion[]) => form.setValue('criteria', next, { shouldDirty: true });
  const add = (kind: (typeof criterionKinds)[number]) =>
    setCriteria([
      ...criteria,
      newCriterion(
        kind,
        criteria.map((c) => c.id),
        documentTypeOptions[0]?.value,
      ),
    ]);
  const move = (index: number, delta: -1 | 1) => {
    const next = [...criteria];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + delta, 0, item);
    setCriteria(next);
  };

  return (
    <>
      <Anchor component={Link} to="/rules" size="sm">
        {t('verification.rules.backToList')}
      </Anchor>
      <PageHeader
        title={t('verification.rules.editorTitle', {
          service: i18n.language === 'en' ? serviceNameEn : serviceName,
        })}
        description={t('verification.rules.editorDescription')}
        actions={
          <Badge size="lg" variant="light" color={document.version ? 'teal' : 'gray'}>
            {document.version
              ? t('verification.rules.version', { version: document.version })
              : t('verification.rules.noVersion')}
          </Badge>
        }
      />
      <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="md">
          {save.error ? (
            <ErrorAlert error={save.error} />
          ) : whatIf.error ? (
            <ErrorAlert error={whatIf.error} />
          ) : null}
          {criteria.length === 0 ? (
            <EmptyBlock
              title={t('verification.rules.empty')}
              description={t('verification.rules.emptyHint')}
            />
          ) : (
            <Controller
              control={form.control}
              name="criteria"
              render={({ field }) => (
                <Stack
                  gap="sm"
                  component="ol"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('verification.rules.criteria')}
                >
                  {field.value.map((criterion, index) => (
                    <CriterionEditor
                      key={criterion.id}
                      value={criterion}
                      position={index + 1}
                      count={field.value.length}
                      errors={criterionErrors(errors, index)}
                      onChange={(next) => setCriteria(field.value.map((c, i) => (i === index ? next : c)))}
                      onRemove={() => setCriteria(field.value.filter((_, i) => i !== index))}
                      onMove={(delta) => move(index, delta)}
                    />
                  ))}
                </Stack>
              )}
            />
          )}
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                variant="light"
                leftSection={<IconPlus size={18} aria-hidden />}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('verification.rules.add')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {criterionKinds.map((kind) => (
                <Menu.Item key={kind} onClick={() => add(kind)}>
                  {t(`verification.kinds.${kind}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>

          {hasPoints && (
            <Card withBorder padding="md" radius="md">
              <Title order={2} size="h5" mb="xs">
                {t('verification.rules.thresholdTitle')}
              </Title>
              <Controller
                control={form.control}
                name="threshold"
                render={({ field }) => (
                  <NumberInput
                    label={t('verification.rules.fields.threshold')}
                    description={t('verification.rules.fields.thresholdHint', { max: maxPoints })}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : 0)}
                    min={0}
                    max={3000}
                    allowDecimal={false}
                    maw={280}
                    error={errors.threshold?.message}
                  />
                )}
              />
            </Card>
          )}

          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
            {t('verification.rules.previewHint')}
          </Alert>
          {preview && <WhatIfResultCard result={preview.result} stale={preview.snapshot !== snapshot} />}
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              leftSection={<IconChartBar size={18} aria-hidden />}
              loading={whatIf.isPending}
              onClick={form.handleSubmit((values) => whatIf.mutate(values))}
            >
              {t('verification.rules.preview')}
            </Button>
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={18} aria-hidden />}
            >
              {t('verification.rules.save')}
            </Button>
          </Group>
          {save.data && (
            <Text size="sm" c="teal.8" role="status" ta="end">
              {t('verification.rules.saved', { version: save.data.version })}
            </Text>
          )}
        </Stack>
      </form>
    </>
  );
}
