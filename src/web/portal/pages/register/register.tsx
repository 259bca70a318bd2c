import { useState } from 'react';
import { BackLink, ButtonLink, Notice, PageTitle } from '../../components/ui';
import { useT } from '../../i18n';
import { useSession } from '../../lib/session';
import { DeclarationStep, DocumentsStep, DoneStep, SubmitStep } from './finish-steps';
import { HouseholdStep } from './household-step';
import { CodeStep, type Identity, IdentityStep } from './identity-steps';
import { ProfileStep, UpdateStep } from './profile-steps';
import type { StepName } from './steps';

// Registering from home (التسجيل المسبق), one question per screen: who you are (ID, birth date, mobile)
// → the code sent to that mobile → name, gender, nationality, city (the record is created and the
// person signed in) → household (optional) → a photo of the ID card → the declaration signed with a
// finger → send. A registration returned by staff opens at the profile, with their reason.

const newPersonSteps: StepName[] = [
  'identity',
  'code',
  'profile',
  'household',
  'documents',
  'declaration',
  'submit',
];
const resumeSteps: StepName[] = ['update', 'household', 'documents', 'declaration', 'submit'];

export default function Register() {
  const t = useT();
  const { me } = useSession();
  // Chosen once: a person who registers now keeps the longer list after the record exists.
  const [order] = useState(() => (me ? resumeSteps : newPersonSteps));
  const [step, setStep] = useState<StepName>(order[0]!);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const state = me?.registration?.state;
  if (me && step !== 'done' && (state === undefined || state === 'submitted' || state === 'accepted')) {
    return (
      <>
        <BackLink />
        <PageTitle>{t('register.title')}</PageTitle>
        <Notice
          tone="info"
          title={t(state === 'submitted' ? 'home.registrationSubmitted' : 'register.alreadyRegistered')}
        />
        <ButtonLink to="/" icon="home">
          {t('common.backHome')}
        </ButtonLink>
      </>
    );
  }

  const index = order.indexOf(step);
  const go = (next: StepName) => {
    setStep(next);
    window.scrollTo(0, 0);
    document.body.dataset.navigated = '1';
  };
  const progress =
    step === 'done' ? null : (
      <>
        <p className="steps">{t('register.stepOf', { step: index + 1, total: order.length })}</p>
        <div className="progress" aria-hidden="true">
          <span style={{ inlineSize: `${((index + 1) / order.length) * 100}%` }} />
        </div>
      </>
    );

  return (
    <>
      {step === 'identity' ? <BackLink>{t('register.backToSignIn')}</BackLink> : null}
      {progress}
      {step === 'identity' ? (
        <IdentityStep
          initial={identity}
          onSent={(value) => {
            setIdentity(value);
            setCode('');
            setCodeError(null);
            go('code');
          }}
        />
      ) : null}
      {step === 'code' && identity ? (
        <CodeStep
          identity={identity}
          code={code}
          error={codeError}
          onBack={() => go('identity')}
          onCode={(value) => {
            setCode(value);
            setCodeError(null);
            go('profile');
          }}
        />
      ) : null}
      {step === 'profile' && identity ? (
        <ProfileStep
          identity={identity}
          code={code}
          onWrongCode={(message) => {
            setCodeError(message);
            go('code');
          }}
          onStartAgain={() => go('identity')}
          onCreated={() => go('household')}
        />
      ) : null}
      {step === 'update' ? <UpdateStep onNext={() => go('household')} /> : null}
      {step === 'household' ? <HouseholdStep onNext={() => go('documents')} /> : null}
      {step === 'documents' ? <DocumentsStep onNext={() => go('declaration')} /> : null}
      {step === 'declaration' ? <DeclarationStep onNext={() => go('submit')} /> : null}
      {step === 'submit' ? <SubmitStep onGoTo={go} onSent={() => go('done')} /> : null}
      {step === 'done' ? <DoneStep /> : null}
    </>
  );
}
