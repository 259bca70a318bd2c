import { Anchor, Box, Button, Modal, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDeviceMobileShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useBlocker, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { beneficiaryQuery } from '../api';
import { DeclarationBadge } from '../components/beneficiary-badges';
import { DeclarationForm } from '../components/declaration-form';
import { useOrgLists } from '../settings';
import type { SignSearch } from './search-params';
import '../beneficiaries.css';

/**
 * The signing screen, made to be handed to the beneficiary on a phone or tablet. Staff first choose the
 * channel and hand the device over; from then on a full-screen signing mode shows only the declaration,
 * in the signer's grammatical gender, and their name — no menu, no staff field, no national ID — and
 * ends on "thank you, please hand the device back". Only the staff member's button leaves it.
 */
export function SignPage() {
  return (
    <RequirePermission action="beneficiaries.record_declaration">
      <Sign />
    </RequirePermission>
  );
}

type Phase = 'prepare' | 'signing' | 'thanks';

function Sign() {
  const { t } = useTranslation();
  const { beneficiaryId } = useParams({ strict: false }) as { beneficiaryId: string };
  const { returnTo } = useSearch({ strict: false }) as SignSearch;
  const navigate = useNavigate();
  const query = useQuery(beneficiaryQuery(beneficiaryId));
  const { channelOptions } = useOrgLists();
  const [phase, setPhase] = useState<Phase>('prepare');
  const [channel, setChannel] = useState<string | null>(null);
  // The signature is taken in person, on this device: the sensible default.
  const chosenChannel =
    channel ?? channelOptions.find((c) => c.value === 'in_person')?.value ?? channelOptions[0]?.value ?? null;
  const leaving = useRef(false);
  // The device is handed to the beneficiary: staff notices from the steps before do not belong here.
  useEffect(() => notifications.clean(), []);
  // In the beneficiary's hands, the browser's back button does not open staff pages.
  useBlocker({ shouldBlockFn: () => phase !== 'prepare' && !leaving.current, enableBeforeUnload: false });

  const back =
    returnTo === 'intake'
      ? { to: '/beneficiaries/new', search: { id: beneficiaryId, step: 4 } as never }
      : { to: `/beneficiaries/${beneficiaryId}` };

  /** The staff member has the device back: on to the profile, or to the intake's last step. */
  const staffContinue = () => {
    leaving.current = true;
    notifications.show({ color: 'teal', message: t('beneficiaries.sign.done') });
    void (returnTo === 'intake'
      ? navigate({ to: '/beneficiaries/new', search: { id: beneficiaryId, step: 5 } })
      : navigate({ to: '/beneficiaries/$beneficiaryId', params: { beneficiaryId } }));
  };

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const b = query.data;

  if (phase === 'prepare') {
    return (
      <Box className="wasl-sign-page">
        <Anchor component={Link} {...back} size="sm">
          {returnTo === 'intake' ? t('beneficiaries.sign.backToIntake') : t('beneficiaries.backToProfile')}
        </Anchor>
        <Stack gap="md" mt="sm">
          <Stack gap={4}>
            <Title order={1} size="h3">
              {t('beneficiaries.sign.title')}
            </Title>
            <Text size="sm" c="gray.7">
              {b.fullNameAr} · <bdi>{b.fileNumber}</bdi>
            </Text>
            <DeclarationBadge declaration={b.declaration} />
          </Stack>
          <Text size="sm">{t('beneficiaries.sign.prepareHelp')}</Text>
          <Select
            label={t('beneficiaries.fields.channel')}
            required
            allowDeselect={false}
            data={channelOptions}
            value={chosenChannel}
            onChange={setChannel}
          />
          <Button
            size="md"
            fullWidth
            disabled={!chosenChannel}
            leftSection={<IconDeviceMobileShare aria-hidden />}
            onClick={() => setPhase('signing')}
          >
            {t('beneficiaries.sign.handOver')}
          </Button>
        </Stack>
      </Box>
    );
  }

  return (
    <SigningMode>
      {phase === 'signing' ? (
        <SigningView
          beneficiary={b}
          channel={chosenChannel ?? ''}
          onSigned={() => setPhase('thanks')}
          onCancel={() => setPhase('prepare')}
        />
      ) : (
        <Stack gap="lg" align="center" ta="center" py="xl" className="wasl-sign-thanks">
          <ThemeIcon size={72} radius="xl" color="teal" variant="light" aria-hidden>
            <IconCircleCheck size={48} />
          </ThemeIcon>
          <Modal.Title component="h1" fz="h2" fw={700} lh={1.5}>
            {t('beneficiaries.sign.thanks')}
          </Modal.Title>
          <Text size="lg">{t('beneficiaries.sign.thanksSaved')}</Text>
          <Button variant="default" size="md" mt="xl" onClick={staffContinue}>
            {t('beneficiaries.sign.staffContinue')}
          </Button>
        </Stack>
      )}
    </SigningMode>
  );
}

/**
 * Full screen over the whole app: the staff menu and header are covered and out of reach (focus stays
 * inside; Escape and a tap outside do nothing).
 */
function SigningMode({ children }: { children: ReactNode }) {
  return (
    <Modal.Root
      opened
      onClose={() => {}}
      fullScreen
      closeOnEscape={false}
      closeOnClickOutside={false}
      trapFocus
      transitionProps={{ duration: 0 }}
      className="wasl-sign-mode"
    >
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Body className="wasl-sign-page" pt="md">
          {children}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}

/** What the beneficiary sees: the declaration, their name, the signature — nothing of the staff's. */
function SigningView({
  beneficiary: b,
  channel,
  onSigned,
  onCancel,
}: {
  beneficiary: Beneficiary;
  channel: string;
  onSigned: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Modal.Title component="h1" fz="h3" fw={700}>
        {t('beneficiaries.sign.title')}
      </Modal.Title>
      <DeclarationForm
        beneficiaryId={b.id}
        fullName={b.fullNameAr}
        gender={b.gender}
        channel={channel}
        onSigned={onSigned}
      />
      <Button variant="subtle" color="gray.8" size="compact-sm" onClick={onCancel} mt="lg">
        {t('beneficiaries.sign.staffCancel')}
      </Button>
    </Stack>
  );
}
