// The beneficiaries' portal service worker (registered by src/web/portal/main.tsx, scope /p/). It has
// one job: when the network is down, a page of the portal opens a short page that says so, instead of
// the browser's error. It keeps nothing else: no API answer (they hold personal data) and no page is
// ever cached, so nothing of a person's file stays on a shared phone.
const cacheName = 'wasl-portal-offline-v1';
const offlinePage = '/portal-offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.add(new Request(offlinePage, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('wasl-portal-') && n !== cacheName).map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.mode !== 'navigate') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/p/')) return;
  event.respondWith(fetch(request).catch(async () => (await caches.match(offlinePage)) ?? Response.error()));
});
