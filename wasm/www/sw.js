// Keeps the page working offline once it has been loaded: the app's own files, cache first.
const CACHE = 'fordeling-v2';
const FILES = ['./', 'index.html', 'app.js', 'xlsx.js', 'style.css', 'pkg/fordeling_wasm.js', 'pkg/fordeling_wasm_bg.wasm'];
self.addEventListener('install', (e) => e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES))));
self.addEventListener('fetch', (e) => {
  if (new URL(e.request.url).origin !== self.location.origin) return;
  e.respondWith(caches.match(e.request).then((hit) => hit ?? fetch(e.request)));
});
