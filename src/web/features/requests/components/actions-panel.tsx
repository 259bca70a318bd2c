import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import type { RequestAction } from '../../../../shared/requests/request-machine';
import { useRequestLabels } from '../labels';
import { ActionModal } from './action-modal';

const colors: Partial<Record<RequestAction, string>> = {
  approve: 'teal',
  reject: 'red',
  request_info: 'orange',
  return_to_verification: 'grape',
  withdraw: 'red',
  close: 'gray',
};
// Withdrawing and closing end a case: shown last and quieter than the next step of the process.
const quiet: readonly RequestAction[] = ['withdraw', 'close'];

/** Exactly the actions the server says this user may take now (`request.availableActions`). */
export function ActionsPanel({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const labels = useRequestLabels();
  const [open, setOpen] = useState<RequestAction | null>(null);
  const actions = [...request.availableActions].sort(
    (a, b) => Number(quiet.includes(a)) - Number(quiet.includes(b)),
  );
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-actions-title">
      <Title order={2} size="h5" id="request-actions-title" mb="sm">
        {t('requests.page.actions')}
      </Title>
      {actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.page.noActions')}
        </Text>
      ) : (
        <Stack gap="xs">
          {actions.map((action, index) => (
            <Button
              key={action}
              fullWidth
              color={colors[action]}
              variant={quiet.includes(action) ? 'outline' : index === 0 ? 'filled' : 'light'}
              onClick={() => setOpen(action)}
            >
              {labels.action(action)}
            </Button>
          ))}
        </Stack>
      )}
      <ActionModal request={request} action={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
