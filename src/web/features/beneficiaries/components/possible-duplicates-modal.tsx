import { Badge, Button, Card, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../shared/contracts/beneficiaries';

interface PossibleDuplicatesModalProps {
  matches: DuplicateMatch[] | null;
  onClose: () => void;
  onAcknowledge: (ids: string[]) => void;
  loading?: boolean;
}

/** 409 POSSIBLE_DUPLICATES: staff look at each similar record and confirm it is another person. */
export function PossibleDuplicatesModal({
  matches,
  onClose,
  onAcknowledge,
  loading,
}: PossibleDuplicatesModalProps) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  return (
    <Modal
      opened={matches !== null}
      onClose={onClose}
      title={t('beneficiaries.duplicatesModal.title')}
      size="lg"
      fullScreen={false}
    >
      <Stack gap="md">
        <Text size="sm">{t('beneficiaries.duplicatesModal.help')}</Text>
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {(matches ?? []).map((match) => (
            <Card key={match.id} withBorder padding="sm" component="li">
              <Group justify="space-between" gap="xs">
                <Text fw={600}>{match.fullNameAr}</Text>
                <Text size="sm" c="dimmed">
                  <bdi>{match.fileNumber}</bdi>
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {t('beneficiaries.fields.nationalId')}: <bdi className="ltr-value">{match.nationalId}</bdi>
              </Text>
              <Group gap={4} mt={6}>
                {match.reasons.map((reason) => (
                  <Badge key={reason} color="orange" variant="light">
                    {t(`beneficiaries.duplicateReasons.${reason}`, { defaultValue: reason })}
                  </Badge>
                ))}
              </Group>
              <Button
                component="a"
                href={`/beneficiaries/${match.id}`}
                target="_blank"
                rel="noopener"
                variant="subtle"
                size="compact-sm"
                mt={6}
              >
                {t('beneficiaries.duplicatesModal.open')}
              </Button>
            </Card>
          ))}
        </Stack>
        <Checkbox
          checked={confirmed}
          onChange={(e) => setConfirmed(e.currentTarget.checked)}
          label={t('beneficiaries.duplicatesModal.confirm')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!confirmed}
            loading={loading}
            onClick={() => onAcknowledge((matches ?? []).map((m) => m.id))}
          >
            {t('beneficiaries.duplicatesModal.continue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
