import { Anchor, Button, Card, Group, Progress, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Beneficiary } from '../../../../shared/contracts/beneficiaries';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ReferenceLinks } from '../../../components/reference-links';
import { RequirePermission } from '../../../components/require-permission';
import { beneficiaryKeys, beneficiaryQuery, createBeneficiary } from '../api';
import { DeclarationBadge, ProfileFlags } from '../components/beneficiary-badges';
import { CharterCard } from '../components/charter-card';
import { DocumentsSection } from '../components/documents-section';
import { HouseholdSection } from '../components/household-section';
import { IntakeReview } from '../components/intake-review';
import { NationalIdLookup } from '../components/national-id-lookup';
import { ProfileForm } from '../components/profile-form';
import { emptyProfile } from '../components/profile-form-values';
import type { IntakeSearch } from './search-params';
import '../beneficiaries.css';

export function IntakePage() {
  return (
    <RequirePermission action="beneficiaries.create">
      <Intake />
    </RequirePermission>
  );
}

function Intake() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as IntakeSearch;
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const step = search.id ? Math.max(2, search.step ?? 2) : search.nid ? 1 : 0;
  const go = (next: IntakeSearch) => void navigate({ to: '/beneficiaries/new', search: next });

  return (
    <>
      <Anchor component={Link} to="/beneficiaries" size="sm">
        {t('beneficiaries.backToList')}
      </Anchor>
      <PageHeader
        title={t('beneficiaries.intake.title')}
        description={t('beneficiaries.intake.description')}
      />
      <ReferenceLinks context="registrations" />
      <IntakeSteps
        step={step}
        isPhone={isPhone}
        onStepClick={(index) => {
          if (search.id && index >= 2) go({ id: search.id, step: index });
        }}
      />

      {step === 0 && <NationalIdLookup onNew={(nid) => go({ nid })} />}
      {step === 1 && search.nid && (
        <Card withBorder padding="lg">
          <ProfileForm
            mode="create"
            defaultValues={emptyProfile(search.nid)}
            save={createBeneficiary}
            submitLabel={t('beneficiaries.intake.createAndContinue')}
            onCancel={() => go({})}
            onSaved={(b) => {
              notifications.show({
                color: 'teal',
                message: t('beneficiaries.intake.created', { name: b.fullNameAr, file: b.fileNumber }),
              });
              go({ id: b.id, step: 2 });
            }}
          />
        </Card>
      )}
      {search.id && step >= 2 && <IntakeRecord id={search.id} step={step} go={go} />}
    </>
  );
}

const stepKeys = ['lookup', 'profile', 'household', 'documents', 'declaration', 'review'] as const;

/** The six steps; a phone shows "step n of 6" and a bar instead of the full stepper. */
function IntakeSteps({
  step,
  isPhone,
  onStepClick,
}: {
  step: number;
  isPhone: boolean;
  onStepClick: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (isPhone) {
    return (
      <Stack gap={6} mb="md">
        <Text size="sm" fw={600}>
          {t('beneficiaries.intake.stepOf', {
            n: step + 1,
            total: stepKeys.length,
            name: t(`beneficiaries.intake.steps.${stepKeys[step]}`),
          })}
        </Text>
        <Progress value={((step + 1) / stepKeys.length) * 100} aria-hidden />
      </Stack>
    );
  }
  return (
    <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={onStepClick} mb="lg">
      {stepKeys.map((key) => (
        <Stepper.Step key={key} label={t(`beneficiaries.intake.steps.${key}`)} />
      ))}
    </Stepper>
  );
}

function IntakeRecord({ id, step, go }: { id: string; step: number; go: (s: IntakeSearch) => void }) {
  const { t } = useTranslation();
  const query = useQuery(beneficiaryQuery(id));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const b = query.data;
  const next = () => go({ id, step: step + 1 });
  const back = () => go({ id, step: step - 1 });

  return (
    <Stack gap="md">
      <Card withBorder padding="sm">
        <Group justify="space-between" gap="xs">
          <Stack gap={0}>
            <Text fw={700}>{b.fullNameAr}</Text>
            <Text size="sm" c="dimmed">
              {t('beneficiaries.fields.fileNumber')}: <bdi>{b.fileNumber}</bdi>
            </Text>
          </Stack>
          <ProfileFlags beneficiary={b} />
        </Group>
      </Card>
      {step === 2 && (
        <StepCard title={t('beneficiaries.intake.steps.household')} onNext={next} onBack={back}>
          <HouseholdSection beneficiary={b} />
        </StepCard>
      )}
      {step === 3 && (
        <StepCard title={t('beneficiaries.intake.steps.documents')} onNext={next} onBack={back}>
          <DocumentsSection beneficiaryId={id} startOpen />
        </StepCard>
      )}
      {step === 4 && (
        <StepCard title={t('beneficiaries.intake.steps.declaration')} onNext={next} onBack={back}>
          <Stack gap="lg">
            <DeclarationStep beneficiary={b} />
            <CharterCard beneficiaryId={id} />
          </Stack>
        </StepCard>
      )}
      {step === 5 && (
        <StepCard
          title={t('beneficiaries.intake.steps.review')}
          onBack={back}
          finish={<FinishButton b={b} />}
        >
          <IntakeReview beneficiary={b} />
        </StepCard>
      )}
    </Stack>
  );
}

function DeclarationStep({ beneficiary }: { beneficiary: Beneficiary }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" align="flex-start">
      <DeclarationBadge declaration={beneficiary.declaration} />
      <Text size="sm">{t('beneficiaries.intake.declarationHelp')}</Text>
      <Button
        component={Link}
        to={`/beneficiaries/${beneficiary.id}/sign`}
        search={{ returnTo: 'intake' } as never}
        leftSection={<IconSignature size={18} aria-hidden />}
        variant={beneficiary.declaration.current ? 'light' : 'filled'}
      >
        {beneficiary.declaration.current ? t('beneficiaries.sign.again') : t('beneficiaries.sign.open')}
      </Button>
    </Stack>
  );
}

function FinishButton({ b }: { b: Beneficiary }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      onClick={async () => {
        await queryClient.invalidateQueries({ queryKey: beneficiaryKeys.all });
        notifications.show({
          color: 'teal',
          message: t('beneficiaries.intake.finished', { name: b.fullNameAr }),
        });
        await navigate({ to: '/beneficiaries/$beneficiaryId', params: { beneficiaryId: b.id } });
      }}
    >
      {t('beneficiaries.intake.finish')}
    </Button>
  );
}

function StepCard({
  title,
  children,
  onNext,
  onBack,
  finish,
}: {
  title: string;
  children: ReactNode;
  onNext?: () => void;
  onBack?: () => void;
  finish?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Text fw={700} size="lg" mb="md">
        {title}
      </Text>
      {children}
      <Group justify="space-between" mt="lg">
        {onBack ? (
          <Button variant="default" onClick={onBack}>
            {t('beneficiaries.intake.back')}
          </Button>
        ) : (
          <span />
        )}
        {finish ?? (
          <Button variant="light" onClick={onNext}>
            {t('beneficiaries.intake.next')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
