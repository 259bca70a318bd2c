import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImprovementSource, improvementSources } from '../../../../shared/contracts/surveys';
import { normalizeDigits } from '../../../../shared/digits';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { serviceOptionsQuery, staffQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { createImprovement, improvementKeys } from '../api';

/** «إجراء تحسيني جديد»: what will be improved, why, for which service, by whom and by when. */
export function CreateImprovementButton({
  fromResponse,
  serviceId: presetService,
}: {
  /** A low score's answer the action is born of (the results' comments link here with it). */
  fromResponse?: string;
  serviceId?: string;
} = {}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(Boolean(fromResponse));
  const [title, setTitle] = useState('');
  const [source, setSource] = useState<ImprovementSource>(fromResponse ? 'low_score' : 'manual');
  const [serviceId, setServiceId] = useState<string | null>(presetService ?? null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [description, setDescription] = useState('');
  const services = useQuery({ ...serviceOptionsQuery, enabled: opened && can('services.read') });
  const staff = useQuery({ ...staffQuery, enabled: opened });
  const mutation = useMutation({
    mutationFn: () => {
      const due = normalizeDigits(dueDate);
      return createImprovement({
        title: title.trim(),
        source: source === 'complaint' ? 'manual' : source,
        ...(fromResponse && source === 'low_score' ? { sourceResponseId: fromResponse } : {}),
        ...(serviceId ? { serviceId } : {}),
        ...(ownerId ? { ownerId } : {}),
        ...(due ? { dueDate: due } : {}),
        ...(description.trim() ? { description: description.trim() } : {}),
      });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: improvementKeys.all });
      notifications.show({ color: 'teal', message: t('improvements.created') });
      close();
      void navigate({ to: '/improvement-actions/$actionId', params: { actionId: saved.id } });
    },
  });
  if (!can('improvements.manage')) return null;
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldErrors : {};
  const err = (f: string) => (fields[f] ? t('improvements.invalid') : undefined);
  const en = i18n.language === 'en';
  return (
    <>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
        {t('improvements.new')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        closeButtonProps={{ 'aria-label': t('surveys.close') }}
        title={t('improvements.new')}
        size="lg"
      >
        <Stack gap="sm">
          <TextInput
            label={t('improvements.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={200}
            required
            error={err('title')}
            data-autofocus
          />
          {/* A complaint's action is opened from the complaint itself. */}
          <Select
            label={t('improvements.fields.source')}
            data={improvementSources
              .filter((s) => s !== 'complaint')
              .map((s) => ({ value: s, label: t(`improvements.source.${s}`) }))}
            value={source}
            onChange={(v) => v && setSource(v as ImprovementSource)}
            allowDeselect={false}
          />
          <Select
            label={t('improvements.fields.service')}
            placeholder={t('improvements.noService')}
            data={(services.data ?? []).map((s) => ({
              value: s.id,
              label: en && s.nameEn ? s.nameEn : s.nameAr,
            }))}
            value={serviceId}
            onChange={setServiceId}
            clearable
            searchable
            description={t('improvements.fields.serviceHint')}
          />
          <Select
            label={t('improvements.fields.owner')}
            data={(staff.data ?? []).map((u) => ({ value: u.id, label: u.fullName }))}
            value={ownerId}
            onChange={setOwnerId}
            clearable
            searchable
          />
          <TextInput
            type="date"
            label={t('improvements.fields.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={err('dueDate')}
            w={{ base: '100%', xs: 220 }}
          />
          <Textarea
            label={t('improvements.fields.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={3000}
          />
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => mutation.mutate()}
              loading={mutation.isPending}
              disabled={title.trim().length < 3}
            >
              {t('improvements.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
