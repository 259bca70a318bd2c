import type { PortalDeclaration } from '../../../shared/contracts/portal-registration';
import { ButtonLink, Notice, PageTitle } from '../components/ui';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { navigate } from '../lib/router';
import { useLoad } from '../lib/use-load';
import { SignDeclaration } from './common/sign-declaration';

/**
 * /p/<slug>/declaration: signing the declaration of data correctness again after the association
 * published a new text (issue 14 item 2) — asked for on the home screen at the person's next visit.
 */
export default function Declaration() {
  const t = useT();
  return (
    <>
      <PageTitle lead={t('declaration.lead')}>{t('declaration.title')}</PageTitle>
      <SignDeclaration onSigned={() => navigate('/')} />
    </>
  );
}

/** On the home screen: the declaration's text changed since the person signed it. */
export function DeclarationReminder() {
  const t = useT();
  const declaration = useLoad('declaration-state', (signal) =>
    api<PortalDeclaration>('/declaration', { signal }),
  );
  if (declaration.data?.reason !== 'text_changed') return null;
  return (
    <Notice tone="warning" title={t('declaration.again.text_changed')}>
      <ButtonLink to="/declaration" icon="signature">
        {t('declaration.sign')}
      </ButtonLink>
    </Notice>
  );
}
