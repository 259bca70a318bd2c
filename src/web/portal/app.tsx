import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { PortalMe, PortalOrganization } from '../../shared/contracts/portal';
import { ErrorState, PageTitle, Skeleton } from './components/ui';
import { Frame } from './frame';
import { setDigitStyle, useT } from './i18n';
import { ApiError, api, whenSignedOut } from './lib/api';
import { localName } from './lib/format';
import { navigate, rememberedSlug, rememberSlug, useLocation } from './lib/router';
import { hasSessionHint, type Session, SessionContext, setSessionHint, useSession } from './lib/session';
import { useLoad } from './lib/use-load';
import { SignIn } from './pages/sign-in';

// Every screen but signing in is fetched when first opened (the first screen stays small).
const Home = lazy(() => import('./pages/home'));
const Register = lazy(() => import('./pages/register/register'));
const Services = lazy(() => import('./pages/services'));
const ServicePage = lazy(() => import('./pages/service'));
const Requests = lazy(() => import('./pages/requests'));
const RequestPage = lazy(() => import('./pages/request/request'));
const Messages = lazy(() => import('./pages/messages'));
const MyData = lazy(() => import('./pages/my-data/my-data'));
const PublicComplaint = lazy(() => import('./pages/complaints/public-complaint'));
const TrackComplaint = lazy(() => import('./pages/complaints/track-complaint'));
const Faq = lazy(() => import('./pages/faq'));
const Charter = lazy(() => import('./pages/charter'));
const Policy = lazy(() => import('./pages/policy'));
const Declaration = lazy(() => import('./pages/declaration'));
const Guide = lazy(() => import('./pages/guide'));
const MyComplaints = lazy(() => import('./pages/complaints/my-complaints'));
const MySurveys = lazy(() => import('./pages/survey/my-surveys'));
const YouSaidWeDid = lazy(() => import('./pages/survey/you-said-we-did'));
const SurveyLink = lazy(() => import('./pages/survey/survey-link'));
const Kiosk = lazy(() => import('./pages/survey/kiosk'));

/** /s/<token> (a survey invitation) and /kiosk (the counter's tablet) live outside any /p/<slug>. */
function standalone(): 'link' | 'kiosk' | null {
  const top = window.location.pathname.split('/')[1];
  return top === 's' ? 'link' : top === 'kiosk' ? 'kiosk' : null;
}

export function PortalApp() {
  const { slug } = useLocation();
  const outside = standalone();
  if (outside) {
    // The token is read as typed (the portal's address names are lower-cased, tokens are not).
    const token = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
    return (
      <Suspense fallback={<Skeleton lines={4} />}>
        {outside === 'kiosk' ? <Kiosk /> : <SurveyLink token={token} />}
      </Suspense>
    );
  }
  if (!slug) return <NoAssociation />;
  return <Portal key={slug} slug={slug} />;
}

/** /p/ alone, where the installed app starts: back to the association last opened here. */
function NoAssociation() {
  const t = useT();
  const remembered = rememberedSlug();
  useEffect(() => {
    if (remembered) window.location.replace(`/p/${encodeURIComponent(remembered)}`);
  }, [remembered]);
  return (
    <main className="main" id="main">
      {remembered ? <Skeleton /> : <PageTitle lead={t('app.noAssociationLead')}>{t('app.name')}</PageTitle>}
    </main>
  );
}

function Portal({ slug }: { slug: string }) {
  const t = useT();
  const organization = useLoad(slug, (signal) =>
    api<PortalOrganization>(`/organizations/${encodeURIComponent(slug)}`, { signal }),
  );
  const [me, setMe] = useState<PortalMe | null | undefined>(() => (hasSessionHint(slug) ? undefined : null));
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    if (me !== undefined) return;
    api<PortalMe>('/me', { quiet401: true }).then(setMe, () => {
      setSessionHint(null);
      setMe(null);
    });
  }, [me]);

  useEffect(() => {
    whenSignedOut(() => {
      setSessionHint(null);
      setEnded(true);
      setMe(null);
    });
  }, []);

  const org = organization.data;
  useEffect(() => {
    if (!org) return;
    rememberSlug(org.slug);
    setDigitStyle(org.digitStyle);
  }, [org]);

  const signOut = useCallback(async () => {
    await api('/sessions/current', { method: 'DELETE' }).catch(() => undefined);
    setSessionHint(null);
    setEnded(false);
    setMe(null);
    navigate('/');
  }, []);

  const session = useMemo<Session | null>(
    () =>
      org
        ? {
            organization: org,
            me,
            signedIn: (next) => {
              setSessionHint(slug);
              setEnded(false);
              setMe(next);
            },
            setMe,
            signOut,
          }
        : null,
    [org, me, slug, signOut],
  );

  if (!session) {
    const notFound = organization.error instanceof ApiError && organization.error.status === 404;
    return (
      <Frame organization={null}>
        {organization.error ? (
          notFound ? (
            <PageTitle lead={t('app.unknownAssociationLead')}>{t('app.unknownAssociation')}</PageTitle>
          ) : (
            <>
              <PageTitle>{t('app.name')}</PageTitle>
              <ErrorState error={organization.error} onRetry={organization.reload} />
            </>
          )
        ) : (
          <Skeleton lines={4} />
        )}
      </Frame>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <Frame organization={session.organization}>
        <Suspense fallback={<Skeleton lines={4} />}>
          <Screen ended={ended} />
        </Suspense>
      </Frame>
    </SessionContext.Provider>
  );
}

function Screen({ ended }: { ended: boolean }) {
  const { segments } = useLocation();
  const [first, second] = segments;
  useDocumentTitle();
  const session = useSession();
  if (session.me === undefined) return <Skeleton lines={4} />;
  if (first === 'register') return <Register />;
  // A complaint or a suggestion, and following it by its number, need no sign-in.
  if (first === 'complaint') return <PublicComplaint />;
  if (first === 'track') return <TrackComplaint />;
  // The association's approved answers to common questions: open to everyone.
  if (first === 'faq') return <Faq />;
  // The beneficiary charter: open to everyone; signed in, accepted there.
  if (first === 'charter') return <Charter />;
  // The association's policies in force, as the board approved them: open to everyone.
  if (first === 'policy') return <Policy />;
  // «قلتم، فعلنا»: what the association changed after hearing people, open to everyone.
  if (first === 'you-said-we-did') return <YouSaidWeDid />;
  // The service guide is public; signed in, the same address lists the services with "you may qualify".
  if (first === 'services' && !second && session.me === null) return <Guide />;
  if (session.me === null) return <SignIn ended={ended} />;
  let screen: ReactNode;
  switch (first) {
    case undefined:
      screen = <Home />;
      break;
    case 'services':
      screen = second ? <ServicePage id={second} /> : <Services />;
      break;
    case 'requests':
      screen = second ? <RequestPage key={second} id={second} /> : <Requests />;
      break;
    case 'messages':
      screen = <Messages />;
      break;
    case 'declaration':
      screen = <Declaration />;
      break;
    case 'my-data':
      screen = <MyData />;
      break;
    case 'complaints':
      screen = <MyComplaints />;
      break;
    case 'surveys':
      screen = <MySurveys id={second} />;
      break;
    default:
      screen = <NotFound />;
  }
  return screen;
}

function useDocumentTitle() {
  const { organization } = useSession();
  const t = useT();
  const name = `${t('app.name')} — ${localName(organization)}`;
  useEffect(() => {
    document.title = name;
  }, [name]);
}

function NotFound() {
  const t = useT();
  return <PageTitle lead={t('app.notFoundLead')}>{t('app.notFound')}</PageTitle>;
}
