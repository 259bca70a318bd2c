import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceMobileCheck, IconSend, IconWifiOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { completeTaskSchema } from '../../../../shared/contracts/verification';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { shownDigits } from '../../../lib/numbers';
import { useMe } from '../../../lib/session';
import {
  completeTask,
  type TaskRecommendation,
  uploadTaskPhoto,
  type VerificationTask,
  verificationKeys,
} from '../api';
import {
  clearDraft,
  type DraftPhoto,
  dataUrlToBlob,
  loadDraft,
  loadPhotos,
  saveDraft,
  savePhotos,
  type TaskFormValues,
} from '../draft';
import { type DocumentCheck, DocumentChecks } from './document-checks';
import { LocationField } from './location-field';
import { PhotoCapture } from './photo-capture';
import { QuestionField } from './question-field';

const recommendations: TaskRecommendation[] = ['eligible', 'not_eligible', 'needs_more'];

interface TaskFormProps {
  task: VerificationTask;
  requiredDocuments: string[];
}

/** The researcher's form for one task, saved on the device after every change until it is sent. */
export function TaskForm({ task, requiredDocuments }: TaskFormProps) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const settings = me?.organization.settings;
  const questions =
    task.mechanism === 'interview'
      ? (settings?.interviewQuestions ?? [])
      : task.mechanism === 'field_visit'
        ? (settings?.fieldVisitChecklist ?? [])
        : [];
  const hasAttendanceQuestion = questions.some((q) => q.id === 'attended');

  const [initialDraft] = useState(() => loadDraft(task.id));
  const [savedAt, setSavedAt] = useState<string | null>(initialDraft?.savedAt ?? null);
  const [photos, setPhotos] = useState<DraftPhoto[]>([]);
  const [offline, setOffline] = useState(false);
  const photosRef = useRef<DraftPhoto[]>([]);

  const form = useForm<TaskFormValues>({
    resolver: formResolver<TaskFormValues>(completeTaskSchema),
    defaultValues: initialDraft?.values ?? {
      answers: { ...task.answers },
      findings: task.findings ?? '',
      recommendation: task.recommendation,
    },
  });
  const { errors } = form.formState;

  // Every change is written to the device at once: a reload or a dropped connection loses nothing.
  useEffect(() => {
    const subscription = form.watch((values) => {
      const at = saveDraft(task.id, values as TaskFormValues);
      if (at) setSavedAt(at);
    });
    return () => subscription.unsubscribe();
  }, [form, task.id]);

  useEffect(() => {
    let live = true;
    void loadPhotos(task.id).then((stored) => {
      if (!live) return;
      photosRef.current = stored;
      setPhotos(stored);
    });
    return () => {
      live = false;
    };
  }, [task.id]);

  const updatePhotos = async (next: DraftPhoto[]) => {
    photosRef.current = next;
    setPhotos(next);
    if (await savePhotos(task.id, next)) setSavedAt(new Date().toISOString());
  };

  const send = useMutation({
    mutationFn: async (values: TaskFormValues) => {
      setOffline(false);
      // Photos first, each once: a retry after a dropped connection skips those already sent.
      for (const photo of photosRef.current) {
        if (photo.uploadedId) continue;
        const uploaded = await uploadTaskPhoto(task.id, dataUrlToBlob(photo.dataUrl), photo.name);
        await updatePhotos(
          photosRef.current.map((p) => (p.localId === photo.localId ? { ...p, uploadedId: uploaded.id } : p)),
        );
      }
      const photoIds = photosRef.current.map((p) => p.uploadedId).filter((id): id is string => Boolean(id));
      return completeTask(task.id, {
        answers: photoIds.length ? { ...values.answers, photoIds } : values.answers,
        findings: values.findings,
        recommendation: values.recommendation as TaskRecommendation,
      });
    },
    onSuccess: async () => {
      await clearDraft(task.id);
      notifications.show({ color: 'teal', message: t('verification.task.sent') });
      await queryClient.invalidateQueries({ queryKey: verificationKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'NETWORK') setOffline(true);
      applyApiFieldErrors(error, form.setError, ['findings', 'recommendation']);
    },
  });

  const en = i18n.language === 'en';
  const answerField = (id: string) => `answers.${id}` as const;

  return (
    <form onSubmit={form.handleSubmit((values) => send.mutate(values))} noValidate>
      <Stack gap="md">
        {savedAt && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconDeviceMobileCheck aria-hidden />}
            role="status"
            aria-live="polite"
          >
            {t('verification.task.draftSaved', {
              time: shownDigits(
                new Date(savedAt).toLocaleTimeString(en ? 'en-GB' : 'ar-SA', {
                  hour: '2-digit',
                  minute: '2-digit',
                }),
                i18n.language,
              ),
            })}
          </Alert>
        )}

        {task.mechanism === 'documents' && (
          <Section title={t('verification.task.documentsTitle')}>
            <Controller
              control={form.control}
              name="answers.documents"
              render={({ field }) => (
                <DocumentChecks
                  types={requiredDocuments}
                  value={(field.value as Record<string, DocumentCheck> | undefined) ?? {}}
                  onChange={field.onChange}
                />
              )}
            />
          </Section>
        )}

        {task.mechanism === 'interview' && !hasAttendanceQuestion && (
          <Section title={t('verification.task.attendanceTitle')}>
            <Controller
              control={form.control}
              name="answers.attendance"
              render={({ field }) => (
                <Radio.Group
                  label={t('verification.task.attendance')}
                  value={typeof field.value === 'string' ? field.value : ''}
                  onChange={field.onChange}
                >
                  <Stack gap="xs" mt={6}>
                    {(['attended', 'absent', 'by_phone'] as const).map((v) => (
                      <Radio
                        key={v}
                        value={v}
                        label={t(`verification.task.attendanceOptions.${v}`)}
                        size="md"
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
          </Section>
        )}

        {questions.length > 0 && (
          <Section
            title={
              task.mechanism === 'interview'
                ? t('verification.task.interviewTitle')
                : t('verification.task.checklistTitle')
            }
          >
            <Stack gap="md">
              {questions.map((question) => (
                <Controller
                  key={question.id}
                  control={form.control}
                  name={answerField(question.id)}
                  render={({ field }) => (
                    <QuestionField question={question} value={field.value} onChange={field.onChange} />
                  )}
                />
              ))}
            </Stack>
          </Section>
        )}

        {task.mechanism === 'field_visit' && (
          <>
            <Section title={t('verification.task.photosTitle')}>
              <PhotoCapture
                photos={photos}
                onAdd={(added) => void updatePhotos([...photosRef.current, ...added])}
                onRemove={(id) => void updatePhotos(photosRef.current.filter((p) => p.localId !== id))}
                disabled={send.isPending}
              />
            </Section>
            <Section title={t('verification.task.locationTitle')}>
              <Controller
                control={form.control}
                name="answers.location"
                render={({ field }) => <LocationField value={field.value} onChange={field.onChange} />}
              />
            </Section>
          </>
        )}

        <Section title={t('verification.task.conclusionTitle')}>
          <Stack gap="md">
            <Textarea
              label={t('verification.task.findings')}
              description={t('verification.task.findingsHint')}
              required
              autosize
              minRows={3}
              {...form.register('findings')}
              error={errors.findings?.message}
            />
            <Controller
              control={form.control}
              name="recommendation"
              render={({ field, fieldState }) => (
                <Radio.Group
                  label={t('verification.task.recommendation')}
                  required
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  error={fieldState.error?.message}
                >
                  <Stack gap="xs" mt={6}>
                    {recommendations.map((r) => (
                      <Radio key={r} value={r} label={t(`verification.recommendations.${r}`)} size="md" />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
          </Stack>
        </Section>

        {offline ? (
          <Alert
            color="orange"
            icon={<IconWifiOff aria-hidden />}
            title={t('verification.task.offlineTitle')}
            role="alert"
          >
            {t('verification.task.offline')}
          </Alert>
        ) : (
          send.error && <ErrorAlert error={send.error} />
        )}
        <Group justify="stretch">
          <Button
            type="submit"
            size="lg"
            fullWidth
            loading={send.isPending}
            leftSection={<IconSend size={20} aria-hidden />}
          >
            {offline ? t('verification.task.retrySend') : t('verification.task.send')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" ta="center">
          {t('verification.task.sendHint')}
        </Text>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" radius="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}
