// Keeps the page working offline once it has been loaded: the app's own files, cache first, in a
// cache named after the build's version (version.js, written by scripts/build-page.sh from the
// files' contents). A new deployment changes version.js, so the browser installs the new worker
// beside the old one; it waits until the page asks it to take over ('skip-waiting', when the user
// accepts "En ny version er klar"), then deletes the old caches. The workbook module (pkg-xlsx) is
// cached the first time the page loads it, like any file it fetches; the portfolio view's module
// (portfolio.js, small) is cached at install, so the view opens offline once pkg-xlsx has been loaded.
importScripts('version.js');
const CACHE = `fordeling-${self.FORDELING_VERSION}`;
const FILES = ['./', 'index.html', 'version.js', 'app.js', 'cells.js', 'store.js', 'update.js', 'dom.js', 'reassess.js', 'casefields.js', 'texts.js', 'xlsx.js', 'xlsx-worker.js', 'portfolio.js',
  'style.css', 'pkg/fordeling_wasm.js', 'pkg/fordeling_wasm_bg.wasm'];

self.addEventListener('install', (e) => e.waitUntil((async () => {
  const cache = await caches.open(CACHE);
  // 'reload': the files of this version from the server, never from the browser's HTTP cache.
  await cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })));
  // The first install has no page to disturb: take over at once.
  if (!self.registration.active) await self.skipWaiting();
})()));
self.addEventListener('message', (e) => { if (e.data === 'skip-waiting') self.skipWaiting(); });
self.addEventListener('activate', (e) => e.waitUntil((async () => {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith('fordeling-') && k !== CACHE).map((k) => caches.delete(k)));
  await self.clients.claim();
})()));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== self.location.origin) return;
  e.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(e.request, { ignoreSearch: true });
    if (hit) return hit;
    const response = await fetch(e.request);
    if (response.ok) await cache.put(e.request, response.clone());
    return response;
  })());
});
