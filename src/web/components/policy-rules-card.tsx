import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/permissions';
import { type EnforcedRule, findRuleClauses } from '../../shared/policy-clauses';
import { useCan } from '../lib/session';

/** Where each enforced rule is configured or worked, and who may open that screen. */
const ruleHomes: Record<EnforcedRule, { to: string; action: Action; label: string }> = {
  channels: { to: '/settings', action: 'organization.update', label: 'settings.title' },
  verification: { to: '/settings', action: 'organization.update', label: 'settings.title' },
  decision_body: { to: '/settings', action: 'organization.update', label: 'settings.title' },
  decision_days: { to: '/settings', action: 'organization.update', label: 'settings.title' },
  referral: { to: '/referrals', action: 'referrals.answer', label: 'referrals.nav' },
  declaration: { to: '/policies', action: 'policies.read', label: 'policies.nav' },
  satisfaction: { to: '/surveys', action: 'surveys.read', label: 'surveys.nav' },
};

/**
 * The rules the system enforces, each beside the line of this published text that sets it (issue 14,
 * item 1) — or "no clause in this version" when the text no longer holds it.
 */
export function PolicyRulesCard({ body }: { body: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const matches = findRuleClauses(body);
  if (matches.every((m) => m.line === null)) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="policy-rules-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="policy-rules-title">
          {t('policyClause.rulesTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('policyClause.rulesHint')}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {matches.map((m) => {
                const home = ruleHomes[m.rule];
                return (
                  <Table.Tr key={m.rule} data-rule={m.rule}>
                    <Table.Th scope="row" w="30%">
                      {t(`policyClause.rule.${m.rule}`)}
                    </Table.Th>
                    <Table.Td>
                      {m.line ? (
                        <Text size="sm" lang="ar">
                          «{m.line}»
                        </Text>
                      ) : (
                        <Text size="sm" c="orange.9">
                          {t('policyClause.notInText')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w="18%">
                      {can(home.action) && (
                        <Anchor component={Link} to={home.to} size="sm">
                          {t(home.label)}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
