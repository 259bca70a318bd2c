import { Anchor, Button, Card, Group, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBuildingCommunity,
  IconCalendarPlus,
  IconFilePlus,
  IconMessagePlus,
  IconSignature,
  IconToggleRight,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { beneficiaryQuery, mergedInto } from '../api';
import { InteractionModal, StatusModal } from '../components/action-modals';
import { AppointmentModal } from '../components/appointment-modal';
import { ProfileFlags } from '../components/beneficiary-badges';
import { CharterCard } from '../components/charter-card';
import { ConsentsCard } from '../components/consents-card';
import { DeclarationsList } from '../components/declarations-list';
import { DocumentsSection } from '../components/documents-section';
import { HouseholdSection } from '../components/household-section';
import { PartnerReferralModal } from '../components/partner-referral-modal';
import { PrivacyCard } from '../components/privacy-card';
import { ProfileOverview } from '../components/profile-overview';
import { TimelineList } from '../components/timeline-list';
import '../beneficiaries.css';

export function ProfilePage() {
  return (
    <RequirePermission action="beneficiaries.read">
      <Profile />
    </RequirePermission>
  );
}

function Profile() {
  const { t } = useTranslation();
  const { beneficiaryId } = useParams({ strict: false }) as { beneficiaryId: string };
  const query = useQuery(beneficiaryQuery(beneficiaryId));
  const navigate = useNavigate();
  // A merged record: go to the record the person now lives in, and say why the page changed.
  const survivor = mergedInto(query.error);
  useEffect(() => {
    if (!survivor) return;
    notifications.show({
      id: `merged-${beneficiaryId}`,
      color: 'blue',
      message: t('beneficiaries.profile.merged'),
    });
    void navigate({
      to: '/beneficiaries/$beneficiaryId',
      params: { beneficiaryId: survivor },
      replace: true,
    });
  }, [survivor, beneficiaryId, navigate, t]);
  return (
    <>
      <Anchor component={Link} to="/beneficiaries" size="sm">
        {t('beneficiaries.backToList')}
      </Anchor>
      {query.isPending || survivor ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ProfileView beneficiary={query.data} />
      )}
    </>
  );
}

function ProfileView({ beneficiary: b }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  const can = useCan();
  const [tab, setTab] = useState<string | null>('overview');
  const [statusOpen, setStatusOpen] = useState(false);
  const [interactionOpen, setInteractionOpen] = useState(false);
  const [partnerOpen, setPartnerOpen] = useState(false);
  const [appointmentOpen, setAppointmentOpen] = useState(false);
  const showPrivacy = can('beneficiaries.export') || can('beneficiaries.destroy');

  return (
    <>
      <PageHeader
        title={b.fullNameAr}
        actions={
          <>
            {can('beneficiaries.record_declaration') && !b.declaration.current && (
              <Button
                component={Link}
                to={`/beneficiaries/${b.id}/sign`}
                leftSection={<IconSignature size={18} aria-hidden />}
              >
                {t('beneficiaries.sign.open')}
              </Button>
            )}
            {can('requests.create') && (
              // The clerk starts the person's request from here, the person already chosen.
              <Button
                component={Link}
                to="/requests/new"
                search={{ beneficiaryId: b.id } as never}
                variant={b.declaration.current ? 'filled' : 'light'}
                leftSection={<IconFilePlus size={18} aria-hidden />}
              >
                {t('beneficiaries.profile.newRequest')}
              </Button>
            )}
            {can('beneficiaries.record_interaction') && (
              <Button
                variant="light"
                leftSection={<IconMessagePlus size={18} aria-hidden />}
                onClick={() => setInteractionOpen(true)}
              >
                {t('beneficiaries.interaction.title')}
              </Button>
            )}
            {can('appointments.manage') && (
              <Button
                variant="light"
                leftSection={<IconCalendarPlus size={18} aria-hidden />}
                onClick={() => setAppointmentOpen(true)}
              >
                {t('beneficiaries.appointment.title')}
              </Button>
            )}
            {can('partners.refer') && (
              <Button
                variant="light"
                leftSection={<IconBuildingCommunity size={18} aria-hidden />}
                onClick={() => setPartnerOpen(true)}
              >
                {t('beneficiaries.partnerReferral.title')}
              </Button>
            )}
            {can('beneficiaries.change_status') && (
              <Button
                variant="default"
                leftSection={<IconToggleRight size={18} aria-hidden />}
                onClick={() => setStatusOpen(true)}
              >
                {t('beneficiaries.statusChange.title')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder padding="sm" mb="md" mt={-8}>
        <Stack gap="xs">
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              {t('beneficiaries.fields.fileNumber')}: <bdi>{b.fileNumber}</bdi>
            </Text>
            <Text size="sm">
              {t('beneficiaries.fields.nationalId')}: <bdi className="ltr-value">{b.nationalId}</bdi>
            </Text>
            <Group gap={6}>
              <Text size="sm">{t('beneficiaries.profile.registered')}</Text>
              <DualDate value={b.createdAt} size="xs" />
            </Group>
          </Group>
          <ProfileFlags beneficiary={b} />
          {b.status !== 'active' && b.statusReason && (
            <Text size="sm" c="dimmed">
              {t('beneficiaries.profile.statusReason', { reason: b.statusReason })}
            </Text>
          )}
          {b.expiredDocuments > 0 && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="red"
              ta="start"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setTab('documents')}
            >
              {t('beneficiaries.profile.expiredLink', { count: b.expiredDocuments })}
            </Anchor>
          )}
        </Stack>
      </Card>

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          <Tabs.Tab value="overview">{t('beneficiaries.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="household">{t('beneficiaries.tabs.household')}</Tabs.Tab>
          <Tabs.Tab value="documents" color={b.expiredDocuments > 0 ? 'red' : undefined}>
            {t('beneficiaries.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="declaration">{t('beneficiaries.tabs.declaration')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('beneficiaries.tabs.timeline')}</Tabs.Tab>
          {showPrivacy && <Tabs.Tab value="privacy">{t('beneficiaries.tabs.privacy')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <ProfileOverview beneficiary={b} />
        </Tabs.Panel>
        <Tabs.Panel value="household">
          <HouseholdSection beneficiary={b} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsSection beneficiaryId={b.id} />
        </Tabs.Panel>
        <Tabs.Panel value="declaration">
          <Stack gap="lg">
            <DeclarationsList beneficiary={b} />
            <CharterCard beneficiaryId={b.id} />
            <Text fw={700}>{t('beneficiaries.consents.title')}</Text>
            <ConsentsCard beneficiaryId={b.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineList beneficiaryId={b.id} />
        </Tabs.Panel>
        {showPrivacy && (
          <Tabs.Panel value="privacy">
            <PrivacyCard beneficiary={b} />
          </Tabs.Panel>
        )}
      </Tabs>
      <StatusModal beneficiary={b} opened={statusOpen} onClose={() => setStatusOpen(false)} />
      <InteractionModal beneficiary={b} opened={interactionOpen} onClose={() => setInteractionOpen(false)} />
      <PartnerReferralModal beneficiary={b} opened={partnerOpen} onClose={() => setPartnerOpen(false)} />
      <AppointmentModal beneficiary={b} opened={appointmentOpen} onClose={() => setAppointmentOpen(false)} />
    </>
  );
}
