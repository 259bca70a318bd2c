import { Badge, Group } from '@mantine/core';
import { useRoleTitle } from '../../../lib/roles';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const roleTitle = useRoleTitle();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" color="gray" size="sm">
          {roleTitle(role)}
        </Badge>
      ))}
    </Group>
  );
}
