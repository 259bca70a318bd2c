import { Alert, Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconFileText, IconFileTypePdf, IconInfoCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { portalStatusWords } from '../../../../shared/requests/portal-status';
import { decidedStatuses } from '../../../../shared/requests/request-machine';
import { DualDate } from '../../../lib/dates';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { letterUrls } from '../api';
import { useRequestLabels } from '../labels';

/**
 * Service, beneficiary, channel, what the beneficiary reads of the status in the portal, dates: the
 * facts of the request at a glance.
 */
export function RequestFacts({ request: r }: { request: ServiceRequest }) {
  const { t, i18n } = useTranslation();
  const labels = useRequestLabels();
  const can = useCan();
  const { channelLabel } = useOrgLists();
  return (
    <Card withBorder padding="md">
      <div className="wasl-request-meta">
        <Fact label={t('requests.fields.service')}>
          <Text size="sm" fw={600}>
            {labels.serviceName(r)}
          </Text>
        </Fact>
        <Fact label={t('requests.fields.beneficiary')}>
          {can('beneficiaries.read') ? (
            <Anchor component={Link} to={`/beneficiaries/${r.beneficiaryId}`} size="sm" fw={600}>
              {r.beneficiaryName}
            </Anchor>
          ) : (
            <Text size="sm" fw={600}>
              {r.beneficiaryName}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('requests.fields.fileNumber')}: <bdi>{r.beneficiaryFileNumber}</bdi>
          </Text>
        </Fact>
        <Fact label={t('requests.fields.channel')}>
          <Text size="sm">{channelLabel(r.channel)}</Text>
        </Fact>
        <Fact label={t('requests.fields.beneficiarySees')}>
          <Text size="sm" data-testid="beneficiary-sees">
            {portalStatusWords(r.status)[i18n.language === 'en' ? 'en' : 'ar']}
          </Text>
        </Fact>
        <Fact label={t('requests.fields.submittedAt')}>
          <DualDate value={r.submittedAt} withTime size="sm" />
        </Fact>
        {r.assignedToName && (
          <Fact label={t('requests.fields.assignedTo')}>
            <Text size="sm">{r.assignedToName}</Text>
          </Fact>
        )}
      </div>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** What the beneficiary was asked to bring (needs_info). */
export function InfoRequested({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  if (request.status !== 'needs_info' || request.infoRequested.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      title={t('requests.page.infoRequested')}
    >
      <List size="sm" spacing={2}>
        {request.infoRequested.map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed" mt="xs">
        {t('requests.page.infoRequestedHint')}
      </Text>
    </Alert>
  );
}

/** The decision, its reason and the letter sent to the beneficiary (HTML to read, PDF to print). */
export function DecisionCard({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  if (!decidedStatuses.includes(request.status) || !request.decidedAt) return null;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-decision-title">
      <Stack gap="xs">
        <Text fw={700} size="sm" id="request-decision-title">
          {t('requests.page.decision')}
        </Text>
        {request.decisionReason && (
          <Text size="sm" className="wasl-timeline-note">
            <Text span fw={600} size="sm">
              {t('requests.page.decisionReason')}:{' '}
            </Text>
            {request.decisionReason}
          </Text>
        )}
        <Group gap="xs" className="wasl-letter-links">
          <Button
            component="a"
            href={letterUrls.html(request.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            size="xs"
            leftSection={<IconFileText size={16} aria-hidden />}
          >
            {t('requests.page.letterHtml')}
          </Button>
          <Button
            component="a"
            href={letterUrls.pdf(request.id)}
            target="_blank"
            rel="noopener"
            variant="light"
            size="xs"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
          >
            {t('requests.page.letterPdf')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
