import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb, IconCornerDownLeft } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../../shared/contracts/inquiries';
import { suggestionsQuery } from '../api';

interface SuggestionsProps {
  /** The question as it is being typed. */
  question: string;
  onUse: (suggestion: Suggestion) => void;
}

/**
 * Approved answers that match the question, asked again a moment after typing stops; "use this answer"
 * puts the answer's text (in the UI language, Arabic when it has no English) into the answer field.
 */
export function Suggestions({ question, onUse }: SuggestionsProps) {
  const { t, i18n } = useTranslation();
  const [typed] = useDebouncedValue(question.trim(), 400);
  const query = useQuery(suggestionsQuery(typed));
  if (typed.length < 3) return null;
  const en = i18n.language === 'en';
  const items = query.data ?? [];

  return (
    <Card
      withBorder
      padding="sm"
      component="section"
      aria-labelledby="kb-suggestions-title"
      data-testid="kb-suggestions"
    >
      <Group gap="xs" mb="xs">
        <IconBulb size={18} aria-hidden color="var(--mantine-color-yellow-7)" />
        <Title order={2} size="h5" id="kb-suggestions-title">
          {t('inquiries.suggestions.title')}
        </Title>
        {query.isFetching && <Loader size="xs" aria-hidden />}
      </Group>
      <div aria-live="polite">
        {items.length === 0 ? (
          !query.isFetching && (
            <Text size="sm" c="dimmed">
              {t('inquiries.suggestions.none')}
            </Text>
          )
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((s) => {
              const q = en && s.questionEn ? s.questionEn : s.questionAr;
              const a = en && s.answerEn ? s.answerEn : s.answerAr;
              return (
                <li key={s.id}>
                  <Card padding="xs" radius="sm" bg="var(--mantine-color-gray-0)">
                    <Text size="sm" fw={600}>
                      {q}
                    </Text>
                    <Text size="sm" c="dimmed" lineClamp={3}>
                      {a}
                    </Text>
                    <Group justify="flex-end" mt={4}>
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconCornerDownLeft size={14} aria-hidden />}
                        aria-label={t('inquiries.suggestions.useFor', { question: q })}
                        onClick={() => onUse({ ...s, answerAr: a })}
                      >
                        {t('inquiries.suggestions.use')}
                      </Button>
                    </Group>
                  </Card>
                </li>
              );
            })}
          </Stack>
        )}
      </div>
    </Card>
  );
}
