import { Card, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgLists } from '../../../lib/org-lists';

export const documentCheckStatuses = ['checked', 'mismatch', 'expired'] as const;
export type DocumentCheck = { status?: (typeof documentCheckStatuses)[number]; notes?: string };

interface DocumentChecksProps {
  types: string[];
  value: Record<string, DocumentCheck>;
  onChange: (value: Record<string, DocumentCheck>) => void;
}

/** تدقيق الوثائق — per required document: seen and matching, not matching, or expired, with notes. */
export function DocumentChecks({ types, value, onChange }: DocumentChecksProps) {
  const { t } = useTranslation();
  const { documentTypeLabel } = useOrgLists();
  if (types.length === 0) return <Text c="dimmed">{t('verification.task.noRequiredDocuments')}</Text>;
  const set = (type: string, patch: DocumentCheck) =>
    onChange({ ...value, [type]: { ...value[type], ...patch } });
  return (
    <Stack gap="sm">
      {types.map((type) => {
        const check = value[type] ?? {};
        const name = documentTypeLabel(type);
        return (
          <Card key={type} withBorder padding="sm" radius="md">
            <Text fw={600} id={`doc-${type}`} mb={6}>
              {name}
            </Text>
            <SegmentedControl
              fullWidth
              aria-labelledby={`doc-${type}`}
              value={check.status ?? ''}
              onChange={(v) => set(type, { status: v as DocumentCheck['status'] })}
              data={documentCheckStatuses.map((s) => ({
                value: s,
                label: t(`verification.task.docStatus.${s}`),
              }))}
              color={check.status === 'checked' ? 'teal' : check.status ? 'red' : undefined}
            />
            <TextInput
              mt="xs"
              label={t('verification.task.docNotes', { document: name })}
              value={check.notes ?? ''}
              onChange={(e) => set(type, { notes: e.currentTarget.value })}
            />
          </Card>
        );
      })}
    </Stack>
  );
}
