import {
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Partner, type PartnerInput, partnerKinds } from '../../../../shared/contracts/partners';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { allPartnersQuery, createPartner, partnerKeys, updatePartner } from '../api';

/** «الجهات الشريكة»: the bodies beneficiaries are referred to, kept by the admin and the manager. */
export function PartnersPage() {
  return (
    <RequirePermission action="partners.manage">
      <Partners />
    </RequirePermission>
  );
}

function Partners() {
  const { t } = useTranslation();
  const query = useQuery(allPartnersQuery);
  return (
    <>
      <PageHeader title={t('partners.title')} description={t('partners.description')} />
      <Stack gap="lg">
        <NewPartner />
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.length === 0 ? (
          <EmptyBlock title={t('partners.empty')} />
        ) : (
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('partners.list')}
          >
            {query.data.map((p) => (
              <PartnerRow key={p.id} partner={p} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

const blank = { nameAr: '', kind: 'charity' as PartnerInput['kind'], contactName: '', contactPhone: '' };

function NewPartner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      createPartner({
        nameAr: form.nameAr.trim(),
        kind: form.kind,
        contactName: form.contactName.trim() || null,
        contactPhone: normalizeDigits(form.contactPhone).trim() || null,
      }),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      notifications.show({ color: 'teal', message: t('partners.added', { name: p.nameAr }) });
      setForm(blank);
      setTried(false);
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId} mb="sm">
        {t('partners.new')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (form.nameAr.trim().length >= 2) mutation.mutate();
        }}
      >
        <Stack gap="sm">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('partners.fields.nameAr')}
              required
              value={form.nameAr}
              onChange={(e) => setForm({ ...form, nameAr: e.currentTarget.value })}
              error={tried && form.nameAr.trim().length < 2 ? t('validation.required') : undefined}
            />
            <Select
              label={t('partners.fields.kind')}
              allowDeselect={false}
              data={partnerKinds.map((k) => ({ value: k, label: t(`partners.kinds.${k}`) }))}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: (v as PartnerInput['kind']) ?? 'other' })}
            />
            <TextInput
              label={t('partners.fields.contactName')}
              value={form.contactName}
              onChange={(e) => setForm({ ...form, contactName: e.currentTarget.value })}
            />
            <TextInput
              label={t('partners.fields.contactPhone')}
              inputMode="tel"
              value={form.contactPhone}
              onChange={(e) => setForm({ ...form, contactPhone: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('partners.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PartnerRow({ partner: p }: { partner: Partner }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => updatePartner(p.id, { active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: partnerKeys.all }),
  });
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Text fw={700}>{p.nameAr}</Text>
          <Group gap="xs">
            <Badge variant="light">{t(`partners.kinds.${p.kind}`)}</Badge>
            {p.contactName && <Text size="sm">{p.contactName}</Text>}
            {p.contactPhone && (
              <Text size="sm">
                <bdi className="ltr-value">{p.contactPhone}</bdi>
              </Text>
            )}
          </Group>
        </Stack>
        <Switch
          label={t('partners.active')}
          checked={p.active}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Group>
      {toggle.error && <ErrorAlert error={toggle.error} />}
    </Card>
  );
}
