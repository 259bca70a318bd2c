import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { RequirePermission } from '../../../components/require-permission';
import { ApiError } from '../../../lib/api';
import { useOrgLists } from '../../../lib/org-lists';
import { answerInquiry, createInquiry, inquiryKeys } from '../api';
import { PersonSelect } from '../components/person-select';
import { Suggestions } from '../components/suggestions';
import { notify } from '../notify';

export function NewInquiryPage() {
  return (
    <RequirePermission action="inquiries.create">
      <NewInquiry />
    </RequirePermission>
  );
}

type Who = 'file' | 'caller';

/**
 * «تسجيل استفسار»: the channel, who asks (a file, or a caller's name and mobile), the question — with
 * approved answers suggested while it is typed — and, optionally, the answer sent at once.
 */
function NewInquiry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { channelOptions } = useOrgLists();
  const [channel, setChannel] = useState<string | null>(null);
  const [who, setWho] = useState<Who>('file');
  const [person, setPerson] = useState<BeneficiarySummary | null>(null);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [category, setCategory] = useState('');
  const [question, setQuestion] = useState('');
  const [answer, setAnswer] = useState('');
  const [articleId, setArticleId] = useState<string | undefined>();
  const [errors, setErrors] = useState<Record<string, string>>({});

  const mutation = useMutation({
    mutationFn: async () => {
      const created = await createInquiry({
        channel: channel ?? '',
        question,
        category: category.trim() || undefined,
        ...(who === 'file'
          ? { beneficiaryId: person?.id }
          : { contactName: contactName.trim() || undefined, contactPhone: contactPhone.trim() || undefined }),
      });
      if (!answer.trim()) return created;
      return answerInquiry(created.id, { answer, articleId });
    },
    onSuccess: async (inquiry) => {
      await queryClient.invalidateQueries({ queryKey: inquiryKeys.all });
      notify(t('inquiries.form.created', { number: inquiry.number }));
      await navigate({ to: '/inquiries/$inquiryId', params: { inquiryId: inquiry.id } });
    },
    onError: (error) => {
      if (error instanceof ApiError) setErrors(error.fieldErrors);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    const required = t('validation.required');
    if (!channel) missing.channel = required;
    if (question.trim().length < 3) missing.question = required;
    if (who === 'file' && !person) missing.beneficiaryId = required;
    if (who === 'caller' && !contactPhone.trim()) missing.contactPhone = required;
    setErrors(missing);
    if (Object.keys(missing).length === 0) mutation.mutate();
  };

  return (
    <>
      <PageHeader title={t('inquiries.form.title')} description={t('inquiries.form.description')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={760}>
          <Select
            label={t('inquiries.form.channel')}
            placeholder={t('inquiries.form.channelPlaceholder')}
            data={channelOptions}
            value={channel}
            onChange={setChannel}
            error={errors.channel}
            required
            autoFocus
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="inquiry-channel"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="inquiry-who">
              {t('inquiries.form.who')}
            </Text>
            <SegmentedControl
              aria-labelledby="inquiry-who"
              value={who}
              onChange={(v) => setWho(v as Who)}
              data={[
                { value: 'file', label: t('inquiries.form.hasFile') },
                { value: 'caller', label: t('inquiries.form.noFile') },
              ]}
            />
          </Stack>
          {who === 'file' ? (
            <PersonSelect
              label={t('inquiries.form.findPerson')}
              value={person}
              onChange={setPerson}
              error={errors.beneficiaryId}
              required
            />
          ) : (
            <Group grow align="flex-start" wrap="wrap">
              <TextInput
                label={t('inquiries.form.contactName')}
                value={contactName}
                onChange={(e) => setContactName(e.currentTarget.value)}
                error={errors.contactName}
                miw={200}
              />
              <TextInput
                label={t('inquiries.form.contactPhone')}
                description={t('inquiries.form.contactPhoneHint')}
                value={contactPhone}
                onChange={(e) => setContactPhone(e.currentTarget.value)}
                error={errors.contactPhone}
                required
                type="tel"
                inputMode="tel"
                dir="ltr"
                miw={200}
              />
            </Group>
          )}
          <TextInput
            label={t('inquiries.form.category')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            error={errors.category}
          />
          <Textarea
            label={t('inquiries.form.question')}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={errors.question}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-testid="inquiry-question"
          />
          <Suggestions
            question={question}
            onUse={(s) => {
              setAnswer(s.answerAr);
              setArticleId(s.id);
              notify(t('inquiries.suggestions.used'));
            }}
          />
          <Card withBorder padding="sm">
            <Textarea
              label={t('inquiries.form.answer')}
              description={t('inquiries.form.answerHint')}
              value={answer}
              onChange={(e) => {
                setAnswer(e.currentTarget.value);
                if (!e.currentTarget.value) setArticleId(undefined);
              }}
              error={errors.answer}
              autosize
              minRows={2}
              maxLength={2000}
              data-testid="inquiry-answer"
            />
          </Card>
          {mutation.isError &&
            !(mutation.error instanceof ApiError && Object.keys(mutation.error.fieldErrors).length) && (
              <ErrorAlert error={mutation.error} />
            )}
          <Group justify="flex-end">
            <Button
              type="submit"
              leftSection={<IconSend size={18} aria-hidden />}
              loading={mutation.isPending}
            >
              {t('inquiries.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
