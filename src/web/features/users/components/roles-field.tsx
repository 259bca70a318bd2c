import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { staffRoles } from '../../../../shared/roles';
import { useRoleTitle } from '../../../lib/roles';

interface RolesFieldProps {
  value: string[];
  onChange: (roles: string[]) => void;
  error?: string;
  disabled?: boolean;
}

/** Every staff role as a checkbox; a user may hold several. */
export function RolesField({ value, onChange, error, disabled }: RolesFieldProps) {
  const { t } = useTranslation();
  const roleTitle = useRoleTitle();
  return (
    <Checkbox.Group
      label={t('fields.roles')}
      description={t('fields.rolesHint')}
      value={value}
      onChange={onChange}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
        {staffRoles.map((role) => (
          <Checkbox key={role} value={role} label={roleTitle(role)} disabled={disabled} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
