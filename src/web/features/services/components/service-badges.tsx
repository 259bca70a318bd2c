import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/contracts/services';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant={active ? 'light' : 'outline'}>
      {active ? t('services.active') : t('services.inactive')}
    </Badge>
  );
}

/** Documents check, interview, field visit: how eligibility is verified for this service. */
export function MechanismBadges({ mechanisms }: { mechanisms: Service['verification'] }) {
  const { t } = useTranslation();
  if (mechanisms.length === 0) return <>{t('common.none')}</>;
  return (
    <Group gap={4} wrap="wrap">
      {mechanisms.map((m) => (
        <Badge key={m} variant="outline" color="indigo">
          {t(`services.mechanisms.${m}`)}
        </Badge>
      ))}
    </Group>
  );
}
