import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Supporter,
  type SupporterDetail,
  type SupporterInput,
  supporterKinds,
} from '../../../../shared/contracts/supporters';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { api, withQuery } from '../../../lib/api';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';

type Kind = (typeof supporterKinds)[number];

/** «الداعمون والمتطوعون»: who supports the association, whether they agreed to be contacted, and each contact. */
export function SupportersPage() {
  return (
    <RequirePermission action="supporters.read">
      <Supporters />
    </RequirePermission>
  );
}

function Supporters() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<Kind>('volunteer');
  const query = useQuery({
    queryKey: ['supporters', kind],
    queryFn: ({ signal }) =>
      api<{ items: Supporter[] }>(withQuery('/supporters', { kind }), { signal }).then((r) => r.items),
  });
  return (
    <>
      <PageHeader title={t('supporters.title')} description={t('supporters.description')} />
      <Stack gap="lg">
        {can('supporters.manage') && <NewSupporter />}
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          aria-label={t('supporters.filter')}
          data={supporterKinds.map((k) => ({ value: k, label: t(`supporters.kinds.${k}`) }))}
        />
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.length === 0 ? (
          <EmptyBlock title={t(`supporters.empty.${kind}`)} />
        ) : (
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t(`supporters.kinds.${kind}`)}
          >
            {query.data.map((s) => (
              <SupporterCard key={s.id} supporter={s} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}

const blank = { kind: 'volunteer' as Kind, fullName: '', phone: '', contactConsent: false };

function NewSupporter() {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(blank);
  const [tried, setTried] = useState(false);
  const mutation = useMutation({
    mutationFn: () => {
      const phone = normalizeDigits(form.phone).trim();
      const body: SupporterInput = {
        kind: form.kind,
        fullName: form.fullName.trim(),
        status: 'active',
        contactConsent: form.contactConsent,
        ...(phone ? { phone } : {}),
      };
      return api<SupporterDetail>('/supporters', { method: 'POST', body });
    },
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: ['supporters'] });
      notifications.show({ color: 'teal', message: t('supporters.added', { name: s.fullName }) });
      setForm(blank);
      setTried(false);
    },
  });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h5" id={titleId} mb="sm">
        {t('supporters.new')}
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          if (form.fullName.trim().length >= 2) mutation.mutate();
        }}
      >
        <Stack gap="sm">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('supporters.fields.kind')}
              allowDeselect={false}
              data={supporterKinds.map((k) => ({ value: k, label: t(`supporters.kinds.${k}`) }))}
              value={form.kind}
              onChange={(v) => setForm({ ...form, kind: (v as Kind) ?? 'volunteer' })}
            />
            <TextInput
              label={t('supporters.fields.fullName')}
              required
              value={form.fullName}
              onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })}
              error={tried && form.fullName.trim().length < 2 ? t('validation.required') : undefined}
            />
            <TextInput
              label={t('supporters.fields.phone')}
              inputMode="tel"
              value={form.phone}
              onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Checkbox
            label={t('supporters.fields.contactConsent')}
            checked={form.contactConsent}
            onChange={(e) => setForm({ ...form, contactConsent: e.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {t('supporters.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function SupporterCard({ supporter: s }: { supporter: Supporter }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState('');
  const log = useMutation({
    mutationFn: () =>
      api<SupporterDetail>(`/supporters/${encodeURIComponent(s.id)}/contacts`, {
        method: 'POST',
        body: { channel: 'phone', summary: summary.trim() },
      }),
    onSuccess: () => {
      setSummary('');
      void queryClient.invalidateQueries({ queryKey: ['supporters'] });
      notifications.show({ color: 'teal', message: t('supporters.contactLogged') });
    },
  });
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Stack gap={2}>
          <Text fw={700}>{s.fullName}</Text>
          {s.phone && (
            <Text size="sm">
              <bdi className="ltr-value">{s.phone}</bdi>
            </Text>
          )}
          {s.lastContactAt && (
            <Group gap={4}>
              <Text size="xs" c="dimmed">
                {t('supporters.lastContact')}
              </Text>
              <DualDate value={s.lastContactAt} size="xs" />
            </Group>
          )}
        </Stack>
        <Group gap={4}>
          <Badge variant="light">{t(`supporters.statuses.${s.status}`)}</Badge>
          <Badge variant="outline" color={s.contactConsent ? 'teal' : 'gray'}>
            {s.contactConsent ? t('supporters.consented') : t('supporters.noConsent')}
          </Badge>
        </Group>
      </Group>
      {can('supporters.manage') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (summary.trim()) log.mutate();
          }}
        >
          <Group gap="xs" mt="xs" align="flex-end">
            <TextInput
              label={t('supporters.contactSummary', { name: s.fullName })}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={log.isPending} disabled={!summary.trim()}>
              {t('supporters.logContact')}
            </Button>
          </Group>
          {log.error && <ErrorAlert error={log.error} />}
        </form>
      )}
    </Card>
  );
}
