import { Card, Checkbox, Group, Radio, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconMoodCry, IconMoodEmpty, IconMoodHappy, IconMoodSad, IconMoodSmile } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyQuestion } from '../../../../shared/contracts/surveys';
import { formatNumber } from '../../../../shared/digits';
import { useNumberFormat } from '../../../lib/numbers';

const faces = [IconMoodCry, IconMoodSad, IconMoodEmpty, IconMoodSmile, IconMoodHappy] as const;

/** How the questions will look to the person answering, in Arabic or English (nothing is sent). */
export function QuestionPreview({ questions, title }: { questions: SurveyQuestion[]; title: string }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'ar' | 'en'>(i18n.language === 'en' ? 'en' : 'ar');
  return (
    <Card withBorder padding="md" component="section" aria-label={t('surveys.designer.preview')}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('surveys.designer.preview')}
        </Title>
        <SegmentedControl
          size="xs"
          value={language}
          onChange={(v) => setLanguage(v as 'ar' | 'en')}
          aria-label={t('surveys.designer.previewLanguage')}
          data={[
            { value: 'ar', label: 'العربية' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Group>
      <Stack gap="md" dir={language === 'ar' ? 'rtl' : 'ltr'} lang={language}>
        <Text fw={700}>{title}</Text>
        {questions.map((q, i) => (
          <PreviewQuestion key={q.id} question={q} language={language} index={i} />
        ))}
      </Stack>
    </Card>
  );
}

function PreviewQuestion({
  question: q,
  language,
  index,
}: {
  question: SurveyQuestion;
  language: 'ar' | 'en';
  index: number;
}) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const id = useId();
  const label =
    (language === 'ar' ? q.labelAr : q.labelEn) ||
    t('surveys.designer.untitled', { n: format.number(index + 1) });
  const digits = language === 'ar' ? format.style : 'latn';
  const shown = (n: number) => formatNumber(n, language, digits);
  const optionLabel = (o: NonNullable<SurveyQuestion['options']>[number]) =>
    (language === 'ar' ? o.labelAr : o.labelEn) || '…';
  const legend = `${label}${q.required ? ' *' : ''}`;
  if (q.kind === 'faces' || q.kind === 'stars' || q.kind === 'nps') {
    const values = q.kind === 'nps' ? Array.from({ length: 11 }, (_, n) => n) : [1, 2, 3, 4, 5];
    const mark = (v: number) =>
      q.kind === 'faces' ? <FaceIcon value={v} /> : q.kind === 'stars' ? '★'.repeat(v) : shown(v);
    return (
      <Radio.Group label={legend} name={id}>
        <Group gap="xs" mt={4}>
          {values.map((v) => (
            <Radio
              key={v}
              value={String(v)}
              aria-label={q.kind === 'nps' ? shown(v) : t(`surveys.scale.${v}`)}
              label={q.kind === 'nps' ? shown(v) : <span aria-hidden>{mark(v)}</span>}
            />
          ))}
        </Group>
      </Radio.Group>
    );
  }
  if (q.kind === 'single') {
    return (
      <Radio.Group label={legend} name={id}>
        <Stack gap={6} mt={4}>
          {(q.options ?? []).map((o) => (
            <Radio key={o.id} value={o.id} label={optionLabel(o)} />
          ))}
        </Stack>
      </Radio.Group>
    );
  }
  if (q.kind === 'multiple') {
    return (
      <Checkbox.Group label={legend}>
        <Stack gap={6} mt={4}>
          {(q.options ?? []).map((o) => (
            <Checkbox key={o.id} value={o.id} label={optionLabel(o)} />
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return <Textarea label={legend} autosize minRows={2} />;
}

function FaceIcon({ value }: { value: number }) {
  const Face = faces[value - 1]!;
  return <Face size={26} stroke={1.6} aria-hidden />;
}
