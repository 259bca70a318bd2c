import { Badge, Button, Card, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PolicyContext, type PolicyDetail, policyContexts } from '../../../../shared/contracts/policies';
import { ErrorAlert } from '../../../components/error-alert';
import { useCan } from '../../../lib/session';
import { policyKeys, updatePolicy } from '../api';

/** The screens that link to this document (the reference library's `<ReferenceLinks />`). */
export function ContextsCard({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [contexts, setContexts] = useState<PolicyContext[]>(policy.contexts);
  const mutation = useMutation({
    mutationFn: () => updatePolicy(policy.id, { contexts }),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyKeys.one(policy.id), saved);
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      notifications.show({ color: 'teal', message: t('policies.saved') });
    },
  });
  const manage = can('policies.manage');
  if (!manage && policy.contexts.length === 0) return null;
  const changed = [...contexts].sort().join() !== [...policy.contexts].sort().join();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('policies.fields.contexts')}
      </Title>
      {manage ? (
        <Stack gap="sm">
          <MultiSelect
            label={t('policies.fields.contexts')}
            description={t('policies.contextsHint')}
            data={policyContexts.map((c) => ({ value: c, label: t(`policies.context.${c}`) }))}
            value={contexts}
            onChange={(v) => setContexts(v as PolicyContext[])}
            clearable
          />
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button
              variant="light"
              disabled={!changed}
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap={6}>
          {policy.contexts.map((c) => (
            <Badge key={c} variant="light">
              {t(`policies.context.${c}`)}
            </Badge>
          ))}
        </Group>
      )}
      {policy.purpose && (
        <Text size="sm" mt="sm">
          {t('policies.fields.purpose')}: {t(`policies.purpose.${policy.purpose}`)}
        </Text>
      )}
    </Card>
  );
}
