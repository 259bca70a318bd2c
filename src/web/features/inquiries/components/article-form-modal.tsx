import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateArticle } from '../../../../shared/contracts/inquiries';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../lib/api';
import { createArticle, knowledgeKeys } from '../api';
import { notify } from '../notify';

const empty = { category: '', questionAr: '', answerAr: '', questionEn: '', answerEn: '' };
type Fields = typeof empty;

/** A new draft answer in Arabic (English optional); a supervisor approves it before it is suggested. */
export function ArticleFormModal({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Fields>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (key: keyof Fields) => (e: { currentTarget: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.currentTarget.value }));

  const mutation = useMutation({
    mutationFn: () => {
      const body: CreateArticle = { questionAr: values.questionAr, answerAr: values.answerAr };
      for (const key of ['category', 'questionEn', 'answerEn'] as const) {
        if (values[key].trim()) body[key] = values[key];
      }
      return createArticle(body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
      notify(t('knowledge.form.saved'));
      setValues(empty);
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(e.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (values.questionAr.trim().length < 3) missing.questionAr = t('validation.required');
    if (!values.answerAr.trim()) missing.answerAr = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate();
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('knowledge.form.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('inquiries.closeDialog') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('knowledge.form.category')}
            value={values.category}
            onChange={set('category')}
            error={errors.category}
          />
          <TextInput
            label={t('knowledge.form.questionAr')}
            value={values.questionAr}
            onChange={set('questionAr')}
            error={errors.questionAr}
            required
            data-autofocus
          />
          <Textarea
            label={t('knowledge.form.answerAr')}
            value={values.answerAr}
            onChange={set('answerAr')}
            error={errors.answerAr}
            required
            autosize
            minRows={3}
          />
          <TextInput
            label={t('knowledge.form.questionEn')}
            value={values.questionEn}
            onChange={set('questionEn')}
            error={errors.questionEn}
            dir="ltr"
          />
          <Textarea
            label={t('knowledge.form.answerEn')}
            value={values.answerEn}
            onChange={set('answerEn')}
            error={errors.answerEn}
            dir="ltr"
            autosize
            minRows={2}
          />
          {mutation.isError && Object.keys(errors).length === 0 && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('knowledge.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
