import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contracts/beneficiaries';
import { validateNationalId } from '../../../../shared/saudi/national-id';
import { ErrorAlert } from '../../../components/error-alert';
import { lookupNationalId } from '../api';
import { BeneficiaryStatusBadge } from './beneficiary-badges';

interface NationalIdLookupProps {
  /** Called with the normalised ID once no record holds it. */
  onNew: (nationalId: string) => void;
}

/** Step 1 of intake: the national ID first, so nobody is registered twice. */
export function NationalIdLookup({ onNew }: NationalIdLookupProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ id: string; existing: BeneficiarySummary | null } | null>(null);

  const lookup = useMutation({
    mutationFn: (id: string) => lookupNationalId(id),
    onSuccess: (existing, id) => setChecked({ id, existing }),
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(null);
    const result = validateNationalId(value);
    if (!result.ok) {
      setError(t(`beneficiaries.intake.idInvalid.${result.reason}`));
      return;
    }
    setError(null);
    lookup.mutate(result.value);
  };

  return (
    <Card withBorder padding="lg" maw={640}>
      <form onSubmit={submit} noValidate aria-label={t('beneficiaries.intake.steps.lookup')}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('beneficiaries.intake.lookupHelp')}
          </Text>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={t('beneficiaries.fields.nationalId')}
              description={t('beneficiaries.fields.nationalIdHint')}
              required
              autoFocus
              dir="ltr"
              inputMode="numeric"
              autoComplete="off"
              maxLength={14}
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setChecked(null);
              }}
              error={error}
              style={{ flex: '1 1 14rem' }}
            />
            <Button
              type="submit"
              mt={{ base: 0, xs: 46 }}
              loading={lookup.isPending}
              leftSection={<IconSearch size={18} aria-hidden />}
            >
              {t('beneficiaries.intake.lookup')}
            </Button>
          </Group>
          {lookup.error && <ErrorAlert error={lookup.error} />}
          {checked?.existing && (
            <Alert
              color="orange"
              icon={<IconUserCheck aria-hidden />}
              title={t('beneficiaries.intake.exists')}
            >
              <Stack gap="xs">
                <Group gap="xs">
                  <Anchor component={Link} to={`/beneficiaries/${checked.existing.id}`} fw={600}>
                    {checked.existing.fullNameAr}
                  </Anchor>
                  <BeneficiaryStatusBadge status={checked.existing.status} />
                </Group>
                <Text size="sm">
                  {t('beneficiaries.fields.fileNumber')}: <bdi>{checked.existing.fileNumber}</bdi>
                </Text>
                <Group>
                  <Button size="xs" component={Link} to={`/beneficiaries/${checked.existing.id}`}>
                    {t('beneficiaries.intake.openExisting')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {checked && !checked.existing && (
            <Alert color="teal" title={t('beneficiaries.intake.notFound')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('beneficiaries.intake.notFoundHelp')}</Text>
                <Button onClick={() => onNew(checked.id)}>{t('beneficiaries.intake.startNew')}</Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
