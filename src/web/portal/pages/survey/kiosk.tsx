import { type ReactElement, useCallback, useEffect, useRef, useState } from 'react';
import type { SurveyForm } from '../../../../shared/contracts/surveys';
import { Button, ErrorState, PageTitle } from '../../components/ui';
import { Frame } from '../../frame';
import { setLargeText, useSettings, useT } from '../../i18n';
import { ApiError } from '../../lib/api';
import { answerSurvey, kioskNext, kioskWalkIn, loadSurvey } from './survey-api';
import { SurveyQuestions } from './survey-form';
import { Thanks } from './survey-link';

const pollMs = 4000;
const thanksMs = 6000;
/** A visitor who walks away mid-survey: the kiosk goes back to waiting. */
const idleMs = 120_000;

type State =
  | { kind: 'waiting' }
  | { kind: 'survey'; token: string; form: SurveyForm }
  | { kind: 'thanks' }
  | { kind: 'error'; error: unknown };

/**
 * /kiosk: a tablet at the counter, signed in to the staff app. It shows the survey of the visit just
 * served (sent to the kiosk by the staff member), or lets a walk-in visitor rate the service; after
 * the answer it thanks, then resets for the next person. Large text by default.
 */
export default function Kiosk() {
  const t = useT();
  const { language } = useSettings();
  const [state, setState] = useState<State>({ kind: 'waiting' });
  const [orgName, setOrgName] = useState<string | null>(null);
  const dismissed = useRef(new Set<string>());

  useEffect(() => {
    setLargeText(true);
    document.title = t('kiosk.title');
  }, [t]);

  const show = useCallback(
    (token: string, form: SurveyForm) => {
      setOrgName(
        language === 'en' && form.organization.nameEn ? form.organization.nameEn : form.organization.nameAr,
      );
      setState({ kind: 'survey', token, form });
    },
    [language],
  );

  // Waiting: ask the server for the visit just served.
  useEffect(() => {
    if (state.kind !== 'waiting') return;
    const controller = new AbortController();
    const check = () =>
      kioskNext(controller.signal).then(
        (next) => {
          if (next.token && next.form && !dismissed.current.has(next.token)) show(next.token, next.form);
        },
        (error: unknown) => {
          if (error instanceof ApiError && (error.status === 401 || error.status === 403))
            setState({ kind: 'error', error });
        },
      );
    void check();
    const timer = window.setInterval(check, pollMs);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [state.kind, show]);

  // Thanks, then the next person; a survey left alone goes back to waiting.
  useEffect(() => {
    if (state.kind === 'thanks') {
      const timer = window.setTimeout(() => setState({ kind: 'waiting' }), thanksMs);
      return () => window.clearTimeout(timer);
    }
    if (state.kind === 'survey') {
      const token = state.token;
      let timer = window.setTimeout(leave, idleMs);
      function leave() {
        dismissed.current.add(token);
        setState({ kind: 'waiting' });
      }
      const touch = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(leave, idleMs);
      };
      window.addEventListener('pointerdown', touch);
      window.addEventListener('keydown', touch);
      return () => {
        window.clearTimeout(timer);
        window.removeEventListener('pointerdown', touch);
        window.removeEventListener('keydown', touch);
      };
    }
    return undefined;
  }, [state]);

  const walkIn = async () => {
    try {
      const { token } = await kioskWalkIn();
      show(token, await loadSurvey(token));
    } catch (error) {
      setState({ kind: 'error', error });
    }
  };

  let screen: ReactElement;
  if (state.kind === 'survey') {
    const { token, form } = state;
    screen = (
      <>
        <PageTitle lead={t('kiosk.surveyLead')}>{t('kiosk.surveyTitle')}</PageTitle>
        <SurveyQuestions
          key={token}
          form={form}
          kiosk
          onSubmit={async (answers) => {
            await answerSurvey(token, answers, true);
            dismissed.current.add(token);
            setState({ kind: 'thanks' });
          }}
        />
      </>
    );
  } else if (state.kind === 'thanks') screen = <Thanks />;
  else if (state.kind === 'error')
    screen = <KioskError error={state.error} onRetry={() => setState({ kind: 'waiting' })} />;
  else
    screen = (
      <div className="kiosk-waiting">
        <PageTitle lead={t('kiosk.waitingLead')}>{t('kiosk.welcome')}</PageTitle>
        <Button icon="check" className="btn-block kiosk-start" onClick={() => void walkIn()}>
          {t('kiosk.start')}
        </Button>
      </div>
    );
  return (
    <Frame organization={null} name={orgName}>
      {screen}
    </Frame>
  );
}

function KioskError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 401)
    return <PageTitle lead={<a href="/">{t('kiosk.signInLink')}</a>}>{t('kiosk.signIn')}</PageTitle>;
  if (error instanceof ApiError && error.status === 403)
    return <PageTitle lead={t('kiosk.forbiddenLead')}>{t('kiosk.forbidden')}</PageTitle>;
  return <ErrorState error={error} onRetry={onRetry} />;
}
