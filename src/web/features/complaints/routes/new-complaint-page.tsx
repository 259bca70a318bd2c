import {
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { type ComplaintKind, complaintKinds } from '../../../../shared/contracts/complaints';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ApiError } from '../../../lib/api';
import { useCan, useMe } from '../../../lib/session';
import { complaintKeys, createComplaint, staffDirectoryQuery } from '../api';
import { PersonPicker } from '../components/person-picker';

/** Logging what a person says at the counter or on the phone: a complaint or a suggestion, in seconds. */
export function NewComplaintPage() {
  return (
    <RequirePermission action="complaints.create">
      <NewComplaint />
    </RequirePermission>
  );
}

function NewComplaint() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const staff = useQuery(staffDirectoryQuery);
  const [kind, setKind] = useState<ComplaintKind>('complaint');
  const [category, setCategory] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [aboutStaffId, setAboutStaffId] = useState<string | null>(null);
  const [person, setPerson] = useState<BeneficiarySummary | null>(null);
  // The file's search needs `beneficiaries.read`; without it the person is named, not linked.
  const canLink = can('beneficiaries.read');
  const [tracking, setTracking] = useState<string | null>(null);

  const categories = (me?.organization.settings.complaints?.categories ?? []).map((c) => ({
    value: c.code,
    label: i18n.language === 'en' ? c.labelEn : c.labelAr,
  }));
  const mutation = useMutation({
    mutationFn: () =>
      createComplaint({
        kind,
        text: text.trim(),
        anonymous,
        ...(category ? { category } : {}),
        ...(!anonymous && name.trim() ? { name: name.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(aboutStaffId ? { aboutStaffId } : {}),
        ...(person && !anonymous ? { beneficiaryId: person.id } : {}),
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      notifications.show({
        color: 'teal',
        message: t('complaints.form.saved', { tracking: saved.trackingNumber }),
      });
      if (can('complaints.read')) void navigate({ to: `/complaints/${saved.id}` });
      else {
        setTracking(saved.trackingNumber);
        setText('');
        setPerson(null);
        setName('');
        setPhone('');
      }
    },
  });
  const fieldError = (field: string) =>
    mutation.error instanceof ApiError && mutation.error.fieldErrors[field]
      ? t('complaints.form.invalid')
      : undefined;

  return (
    <>
      <PageHeader title={t('complaints.form.title')} description={t('complaints.form.description')} />
      {tracking && (
        <Card withBorder mb="md" role="status">
          <Text>{t('complaints.form.savedTracking')}</Text>
          <Text fw={700} size="xl">
            <bdi className="ltr-value">{tracking}</bdi>
          </Text>
        </Card>
      )}
      <Card
        withBorder
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate();
        }}
      >
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => setKind(v as ComplaintKind)}
            aria-label={t('complaints.fields.kind')}
            data={complaintKinds.map((value) => ({ value, label: t(`complaints.kinds.${value}`) }))}
          />
          <Select
            label={t('complaints.fields.category')}
            data={categories}
            value={category}
            onChange={setCategory}
            clearable
            error={fieldError('category')}
          />
          <Textarea
            label={t('complaints.fields.text')}
            required
            autosize
            minRows={4}
            maxLength={3000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError('text')}
          />
          <Checkbox
            label={t('complaints.form.anonymous')}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          {!anonymous && canLink && <PersonPicker selected={person} onSelect={setPerson} />}
          {!anonymous && !person && (
            <TextInput
              label={t('complaints.fields.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('complaints.fields.phone')}
            description={t('complaints.form.phoneHint')}
            inputMode="tel"
            dir="ltr"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError('phone')}
          />
          <Select
            label={t('complaints.fields.aboutStaff')}
            description={t('complaints.form.aboutStaffHint')}
            data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            value={aboutStaffId}
            onChange={setAboutStaffId}
            searchable
            clearable
          />
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button type="submit" loading={mutation.isPending} disabled={text.trim().length < 5}>
              {t('complaints.form.submit')}
            </Button>
            {can('complaints.read') && (
              <Button component={Link} to="/complaints" variant="subtle">
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
      <Text size="sm" c="dimmed" mt="md">
        {t('complaints.form.privacy')}
      </Text>
    </>
  );
}
