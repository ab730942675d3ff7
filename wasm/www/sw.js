// Keeps the page working offline once it has been loaded: the app's own files, cache first. The
// workbook module (pkg-xlsx) is cached the first time the page loads it, like any file it fetches.
const CACHE = 'fordeling-v3';
const FILES = ['./', 'index.html', 'app.js', 'xlsx.js', 'style.css', 'pkg/fordeling_wasm.js', 'pkg/fordeling_wasm_bg.wasm'];
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES))));
self.addEventListener('activate', (e) => e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET' || new URL(e.request.url).origin !== self.location.origin) return;
  e.respondWith(caches.match(e.request).then((hit) => hit ?? fetch(e.request).then((response) => {
    if (response.ok) { const copy = response.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }
    return response;
  })));
});
