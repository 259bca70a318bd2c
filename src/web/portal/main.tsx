import '@fontsource/ibm-plex-sans-arabic/arabic-400.css';
import '@fontsource/ibm-plex-sans-arabic/arabic-700.css';
import '@fontsource/ibm-plex-sans-arabic/latin-400.css';
import '@fontsource/ibm-plex-sans-arabic/latin-700.css';
import './portal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalApp } from './app';
import { initI18n } from './i18n';

// The beneficiaries' portal (/p/<slug>): its own entry, apart from the staff app (vite.config.ts).

const root = document.getElementById('root');
if (root) {
  void initI18n().then(() =>
    createRoot(root).render(
      <StrictMode>
        <PortalApp />
      </StrictMode>,
    ),
  );
}

// Installed on a phone, the portal shows a page of its own when the network is down (public/portal-sw.js).
if ('serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/portal-sw.js', { scope: '/p/' }).catch(() => undefined);
  });
}
