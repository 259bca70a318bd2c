import {
  Button,
  Card,
  Fieldset,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type CreatePlatformOrganization,
  createPlatformOrganizationSchema,
} from '../../../../shared/contracts/platform';
import { ErrorAlert } from '../../../components/error-alert';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { createPlatformOrganization, platformKeys } from '../api';

const fields = [
  'organization.nameAr',
  'organization.nameEn',
  'organization.slug',
  'admin.fullName',
  'admin.email',
  'admin.password',
] as const;

const blank: CreatePlatformOrganization = {
  organization: { nameAr: '', nameEn: '', slug: '' },
  admin: { fullName: '', email: '', password: '' },
};

/** A new association with its first administrator (who then sets it up and adds its staff). */
export function NewOrganizationForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const form = useForm<CreatePlatformOrganization>({
    resolver: formResolver<CreatePlatformOrganization>(createPlatformOrganizationSchema),
    defaultValues: blank,
  });
  const { errors } = form.formState;
  const mutation = useMutation({
    mutationFn: createPlatformOrganization,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: platformKeys.organizations });
      notifications.show({
        color: 'teal',
        message: t('platform.created', { name: created.organization.nameAr, email: created.admin.email }),
      });
      form.reset(blank);
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, fields),
  });
  const onSubmit = form.handleSubmit((values) => mutation.mutate(values));

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId} mb="sm">
        {t('platform.new')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Fieldset legend={t('platform.organizationLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('platform.fields.nameAr')}
                required
                dir="rtl"
                {...form.register('organization.nameAr')}
                error={errors.organization?.nameAr?.message}
              />
              <TextInput
                label={t('platform.fields.nameEn')}
                required
                dir="ltr"
                {...form.register('organization.nameEn')}
                error={errors.organization?.nameEn?.message}
              />
              <TextInput
                label={t('platform.fields.slug')}
                description={t('platform.slugHint')}
                required
                dir="ltr"
                autoCapitalize="none"
                {...form.register('organization.slug')}
                error={
                  errors.organization?.slug?.type === 'server'
                    ? errors.organization.slug.message
                    : errors.organization?.slug && t('platform.slugInvalid')
                }
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('platform.adminLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('fields.fullName')}
                required
                {...form.register('admin.fullName')}
                error={errors.admin?.fullName?.message}
              />
              <TextInput
                label={t('fields.email')}
                required
                type="email"
                dir="ltr"
                autoComplete="off"
                {...form.register('admin.email')}
                error={errors.admin?.email?.message}
              />
              <PasswordInput
                label={t('fields.password')}
                description={t('fields.passwordHint')}
                required
                dir="ltr"
                autoComplete="new-password"
                {...form.register('admin.password')}
                error={errors.admin?.password?.message}
              />
            </SimpleGrid>
          </Fieldset>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('platform.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
