import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type {
  Organization,
  OrganizationSettings,
  UpdateOrganization,
} from '../../../../shared/contracts/organization';
import type { EnforcedRule } from '../../../../shared/policy-clauses';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { PolicyClause } from '../../../components/policy-clause';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { meQueryKey } from '../../../lib/session';
import { organizationQuery, organizationQueryKey, updateOrganization } from '../api';
import { CalendarFields, DecisionBodyFields } from '../components/calendar-fields';
import { ChannelsEditor } from '../components/channels-editor';
import { CategoriesEditor, DocumentTypesEditor } from '../components/code-lists-editor';
import { DigitStyleField } from '../components/digit-style-field';
import { HolidaysEditor } from '../components/holidays-editor';
import { LogoField } from '../components/logo-field';
import { MessageTemplatesSection } from '../components/message-templates-section';
import { QuestionsEditor } from '../components/questions-editor';
import { QuietHoursFields } from '../components/quiet-hours-fields';
import { RoleTitlesEditor } from '../components/role-titles-editor';
import {
  cleanSettings,
  type SettingsFormValues,
  settingsFormSchema,
  toFormValues,
} from '../components/settings-form';

export function SettingsPage() {
  return (
    <RequirePermission action="organization.update">
      <SettingsLoader />
    </RequirePermission>
  );
}

function SettingsLoader() {
  const { t } = useTranslation();
  const query = useQuery(organizationQuery);
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <SettingsForm key={query.data.updatedAt} organization={query.data} />
          <MessageTemplatesSection />
        </Stack>
      )}
    </>
  );
}

function Section({
  title,
  description,
  rule,
  children,
}: {
  title: string;
  description?: string;
  /** The enforced rule this section configures: its policy clause is quoted under the description. */
  rule?: EnforcedRule;
  children: ReactNode;
}) {
  const id = `section-${title.replace(/\s+/g, '-')}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mt={4}>
          {description}
        </Text>
      )}
      {rule && (
        <Box mt="sm">
          <PolicyClause rule={rule} />
        </Box>
      )}
      <Stack mt="md" gap="md">
        {children}
      </Stack>
    </Card>
  );
}

function SettingsForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = useMemo(() => {
    const s = organization.settings;
    const codes = (list: readonly { code: string }[] | undefined) => new Set((list ?? []).map((c) => c.code));
    const ids = (list: readonly { id: string }[] | undefined) => new Set((list ?? []).map((q) => q.id));
    return {
      channels: codes(s.channels),
      categories: codes(s.beneficiaryCategories),
      documentTypes: codes(s.documentTypes),
      interviewQuestions: ids(s.interviewQuestions),
      fieldVisitChecklist: ids(s.fieldVisitChecklist),
    };
  }, [organization.settings]);
  const schema = useMemo(() => settingsFormSchema(t), [t]);
  const form = useForm<SettingsFormValues>({
    resolver: formResolver<SettingsFormValues>(schema),
    defaultValues: toFormValues(organization),
  });
  const { errors, isDirty, submitCount, isValid } = form.formState;
  const section = { control: form.control, register: form.register, errors };

  const mutation = useMutation({
    mutationFn: (body: UpdateOrganization) => updateOrganization(body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(organizationQueryKey, saved);
      // Names, logo and role titles shown everywhere come from /auth/me.
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      notifications.show({ color: 'teal', message: t('settings.saved') });
    },
    onError: (error) => {
      applyApiFieldErrors(error, form.setError, (path) => path !== '');
    },
  });

  const onSubmit = form.handleSubmit((values) => {
    // The portal's address is the organization's own field, not a setting.
    const { slug: _slug, ...settings } = values.settings as OrganizationSettings & { slug?: string };
    const body: UpdateOrganization = {
      nameAr: values.nameAr,
      nameEn: values.nameEn,
      slug: values.slug,
      // The whole settings object, with every list (categories, documents, interview and visit forms).
      settings: cleanSettings(settings),
    };
    // The logo is large; send it only when it changed.
    if (values.logo !== organization.logo) body.logo = values.logo;
    mutation.mutate(body);
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="lg">
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('settings.lastUpdated')}
          </Text>
          <DualDate value={organization.updatedAt} withTime size="xs" />
        </Group>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        {submitCount > 0 && !isValid && (
          <Alert color="red" role="alert">
            {t('errors.VALIDATION_FAILED')}
          </Alert>
        )}
        <Section title={t('settings.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('setup.nameAr')}
              dir="rtl"
              required
              {...form.register('nameAr')}
              error={errors.nameAr?.message}
            />
            <TextInput
              label={t('setup.nameEn')}
              dir="ltr"
              required
              {...form.register('nameEn')}
              error={errors.nameEn?.message}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="logo"
            render={({ field, fieldState }) => (
              <LogoField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
            )}
          />
        </Section>

        <Section
          title={t('settings.sections.channels')}
          description={t('settings.channels.description')}
          rule="channels"
        >
          <ChannelsEditor {...section} savedCodes={saved.channels} />
        </Section>

        <Section title={t('settings.sections.categories')} description={t('settings.categories.description')}>
          <CategoriesEditor {...section} savedCodes={saved.categories} />
        </Section>

        <Section
          title={t('settings.sections.documentTypes')}
          description={t('settings.documentTypes.description')}
          rule="verification"
        >
          <DocumentTypesEditor {...section} savedCodes={saved.documentTypes} />
        </Section>

        <Section
          title={t('settings.sections.interviewQuestions')}
          description={t('settings.interviewQuestions.description')}
        >
          <QuestionsEditor
            {...section}
            list="interviewQuestions"
            savedIds={saved.interviewQuestions}
            setValue={form.setValue}
          />
        </Section>

        <Section
          title={t('settings.sections.fieldVisitChecklist')}
          description={t('settings.fieldVisitChecklist.description')}
        >
          <QuestionsEditor
            {...section}
            list="fieldVisitChecklist"
            savedIds={saved.fieldVisitChecklist}
            setValue={form.setValue}
          />
        </Section>

        <Section title={t('settings.sections.roleTitles')} description={t('settings.roleTitles.description')}>
          <RoleTitlesEditor register={form.register} errors={errors} />
        </Section>

        <Section
          title={t('settings.sections.decisionBody')}
          description={t('settings.decisionBody.description')}
          rule="decision_body"
        >
          <DecisionBodyFields {...section} />
        </Section>

        <Section
          title={t('settings.sections.calendar')}
          description={t('settings.calendar.description')}
          rule="decision_days"
        >
          <CalendarFields control={form.control} errors={errors} />
          <Title order={3} size="h5">
            {t('settings.holidays.title')}
          </Title>
          <HolidaysEditor {...section} />
        </Section>

        <Section title={t('settings.sections.digits')} description={t('settings.digits.description')}>
          <DigitStyleField control={form.control} />
        </Section>

        <Section title={t('messaging.quietHours.title')} description={t('messaging.quietHours.description')}>
          <QuietHoursFields register={form.register} errors={errors} />
        </Section>

        <Section title={t('settings.sections.portal')} description={t('settings.portal.description')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('settings.portal.slug')}
              description={t('settings.portal.slugHint')}
              dir="ltr"
              required
              autoComplete="off"
              {...form.register('slug')}
              error={errors.slug?.message}
            />
            <TextInput
              label={t('settings.portal.senderName')}
              description={t('settings.portal.senderNameHint')}
              dir="ltr"
              required
              autoComplete="off"
              {...form.register('settings.sms.senderName')}
              error={errors.settings?.sms?.senderName?.message}
            />
          </SimpleGrid>
          <Text size="sm">
            {t('settings.portal.address')}{' '}
            <Anchor href={`/p/${organization.slug}`} target="_blank" dir="ltr">
              {`${window.location.origin}/p/${organization.slug}`}
            </Anchor>
          </Text>
        </Section>

        <Card withBorder padding="xs" className="sticky-save">
          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!isDirty} onClick={() => form.reset()}>
              {t('common.discard')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!isDirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Card>
      </Stack>
    </form>
  );
}
