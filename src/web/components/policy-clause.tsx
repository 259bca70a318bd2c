import { Anchor, Box, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PolicyDetail, PolicySummary } from '../../shared/contracts/policies';
import { type EnforcedRule, findRuleClauses } from '../../shared/policy-clauses';
import { api, withQuery } from '../lib/api';
import { useNumberFormat } from '../lib/numbers';
import { useCan } from '../lib/session';

export interface RuleClause {
  documentId: string;
  titleAr: string;
  titleEn: string;
  version: number;
  /** The line of the published text that sets the rule, or null when none does. */
  line: string | null;
}

/**
 * For every enforced rule, the clause of the association's published policy that sets it (issue 14,
 * item 1): the first published policy document holding the rule's anchor, else the first published one
 * with `line: null`. Undefined rules = no published policy.
 */
export const ruleClausesQuery = queryOptions({
  queryKey: ['policies', 'rule-clauses'] as const,
  queryFn: async ({ signal }) => {
    const list = await api<{ items: PolicySummary[] }>(
      withQuery('/policies', { kind: 'policy', limit: 200 }),
      {
        signal,
      },
    );
    const published = list.items.filter((p) => p.publishedVersion !== null);
    const details = await Promise.all(
      published.map((p) => api<PolicyDetail>(`/policies/${p.id}`, { signal })),
    );
    const found: Partial<Record<EnforcedRule, RuleClause>> = {};
    for (const doc of details) {
      for (const match of findRuleClauses(doc.publishedBody ?? '')) {
        const known = found[match.rule];
        if (known?.line) continue;
        if (known && !match.line) continue;
        found[match.rule] = {
          documentId: doc.id,
          titleAr: doc.titleAr,
          titleEn: doc.titleEn,
          version: doc.publishedVersion ?? 0,
          line: match.line,
        };
      }
    }
    return found;
  },
  staleTime: 5 * 60_000,
});

/** The policy clause behind a rule, shown beside the setting that applies it. */
export function PolicyClause({ rule }: { rule: EnforcedRule }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { digits } = useNumberFormat();
  const clauses = useQuery({ ...ruleClausesQuery, enabled: can('policies.read') });
  if (!can('policies.read') || !clauses.data) return null;
  const clause = clauses.data[rule];
  if (!clause) {
    return (
      <Text size="sm" c="dimmed" data-rule={rule}>
        {t('policyClause.noPolicy')}{' '}
        <Anchor component={Link} to="/policies" size="sm">
          {t('policyClause.openPolicies')}
        </Anchor>
      </Text>
    );
  }
  const title = i18n.language === 'en' ? clause.titleEn : clause.titleAr;
  const source = (
    <Anchor component={Link} to={`/policies/${clause.documentId}`} size="sm">
      {t('policyClause.source', { title, version: digits(String(clause.version)) })}
    </Anchor>
  );
  if (!clause.line) {
    return (
      <Text size="sm" c="orange.9" data-rule={rule}>
        {t('policyClause.missing')} {source}
      </Text>
    );
  }
  return (
    <Box component="figure" className="policy-clause" data-rule={rule} m={0}>
      <Text size="xs" c="dimmed" component="figcaption">
        {t('policyClause.setBy')} {source}
      </Text>
      <Text size="sm" component="blockquote" lang="ar" dir="rtl" m={0} mt={4}>
        «{clause.line}»
      </Text>
    </Box>
  );
}
