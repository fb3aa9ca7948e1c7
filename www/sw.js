// The offline cache: every file the page needs is stored when the service worker installs, and
// kept fresh on each online load. Online, the network answers first (so a new build shows at
// once); offline, the cache does. Only this origin's GET requests are touched; the page makes
// no others. tests/unit/offline.test.mjs checks that ASSETS lists every file the page loads.

const CACHE = 'dateline-v1';
const ASSETS = [
  './',
  'index.html',
  'style.css',
  'app.bundle.js',
  'app.js',
  'news-entities.js',
  'element-style.js',
  'render.js',
  'analyser.js',
  'exports.js',
  'worker.js',
  'pkg/dateline.js',
  'pkg/dateline_bg.wasm',
  // src/build_analysis.js, copied by wasm-bindgen under a name hashed from the crate name.
  'pkg/snippets/dateline-12b674970a544c88/src/build_analysis.js',
  'manifest.webmanifest',
  'icon.svg',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkThenCache(event));
});

/** The network's answer, stored for offline use after it has been handed over (storing the
 * .wasm takes longer than the page should wait), or the stored copy when the network fails. */
async function networkThenCache(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: true, cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}
