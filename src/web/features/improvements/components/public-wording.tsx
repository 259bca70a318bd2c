import { Button, Card, Group, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Improvement, UpdateImprovement } from '../../../../shared/contracts/surveys';

interface Props {
  action: Improvement;
  canManage: boolean;
  saving: boolean;
  onSave: (patch: UpdateImprovement) => void;
}

type Wording = Pick<Improvement, 'saidAr' | 'didAr' | 'saidEn' | 'didEn'>;
const fields = ['saidAr', 'didAr', 'saidEn', 'didEn'] as const;

/** «قلتم… فعلنا»: the public wording of the action, shown on the portal once published (confirmed first). */
export function PublicWordingCard({ action, canManage, saving, onSave }: Props) {
  const { t } = useTranslation();
  const [wording, setWording] = useState<Wording>({
    saidAr: action.saidAr,
    didAr: action.didAr,
    saidEn: action.saidEn,
    didEn: action.didEn,
  });
  const published = action.publishedAt !== null;
  const cleaned = Object.fromEntries(fields.map((f) => [f, wording[f]?.trim() || null])) as Wording;
  const ready = Boolean(cleaned.saidAr && cleaned.didAr);
  const togglePublished = (next: boolean) => {
    if (!next) return onSave({ published: false });
    modals.openConfirmModal({
      title: t('improvements.wording.confirmTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">{t('improvements.wording.confirmBody')}</Text>
          <Text size="sm" fw={600}>
            {t('improvements.wording.said')}: {cleaned.saidAr}
          </Text>
          <Text size="sm" fw={600}>
            {t('improvements.wording.did')}: {cleaned.didAr}
          </Text>
        </Stack>
      ),
      labels: { confirm: t('improvements.wording.publish'), cancel: t('common.cancel') },
      onConfirm: () => onSave({ ...cleaned, published: true }),
    });
  };
  return (
    <Card withBorder component="section" aria-labelledby="wording-title">
      <Title order={2} size="h4" mb={4} id="wording-title">
        {t('improvements.wording.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('improvements.wording.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {fields.map((f) => (
          <Textarea
            key={f}
            label={t(`improvements.wording.${f}`)}
            value={wording[f] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setWording((w) => ({ ...w, [f]: v }));
            }}
            readOnly={!canManage}
            autosize
            minRows={2}
            maxLength={500}
            dir={f.endsWith('En') ? 'ltr' : undefined}
          />
        ))}
      </SimpleGrid>
      {canManage && (
        <Group mt="sm" justify="space-between" wrap="wrap">
          <Switch
            label={t('improvements.wording.publishSwitch')}
            checked={published}
            disabled={saving || (!published && !ready)}
            description={!published && !ready ? t('improvements.wording.needText') : undefined}
            onChange={(e) => togglePublished(e.currentTarget.checked)}
          />
          <Button variant="light" loading={saving} onClick={() => onSave(cleaned)}>
            {t('improvements.wording.save')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
