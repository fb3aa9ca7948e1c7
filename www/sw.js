// The offline cache: every file the page needs is stored when the service worker installs, and
// kept fresh on each online load (a file whose ETag or Last-Modified changed is stored again).
// Online, the network answers first (so a new build shows at once); offline, the cache does.
// Only this origin's GET requests are touched; the page makes no others. Only the files in
// ASSETS are ever stored, under their address without a query: anything else the page's origin
// serves (a link with ?text=..., another app) passes through and is never kept.
// tests/unit/offline.test.mjs checks that ASSETS lists every file the page loads.

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
  'describe.js',
  'explain.js',
  'dates-panel.js',
  'timeline-axis.js',
  'corrections.js',
  'analyser.js',
  'after-frame.js',
  'exports.js',
  'worker.js',
  'pkg/dateline.js',
  'pkg/dateline_bg.wasm',
  // src/build_analysis.js, copied by wasm-bindgen under a name hashed from the crate name.
  'pkg/snippets/dateline-12b674970a544c88/src/build_analysis.js',
  'manifest.webmanifest',
  'icon.svg',
];

/** The addresses of ASSETS, as stored. */
const KEPT = new Set(ASSETS.map((asset) => new URL(asset, self.registration.scope).href));

/** `url` without its query and fragment. */
function bare(url) {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

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

/** The network's answer, or the stored copy when the network fails. The answer goes to the page
 * untouched: copying it for the cache (Response.clone) sends its body through this worker's
 * thread, and storing it again (the .wasm among them) ran beside the page's first analysis: on
 * a returning visit, 5,000-word article, medians of 21 alternating loads, the analysis was in
 * the DOM at 282 -> 242 ms and on screen at 428 -> 404 ms. */
async function networkThenCache(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    const url = bare(request.url);
    if (response.ok && KEPT.has(url)) event.waitUntil(storeIfChanged(url, response.headers));
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { ignoreSearch: true, cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}

/** Fetches and stores `url` again unless the cache holds the version the network just answered
 * with (the same ETag or Last-Modified). The second fetch is revalidated from the browser's HTTP
 * cache; a host that sends neither header has every file fetched twice per load. */
async function storeIfChanged(url, headers) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(url);
  if (cached && sameVersion(cached.headers, headers)) return;
  await cache.add(url);
}

/** Whether two sets of response headers name the same version; without a validator, they differ. */
function sameVersion(a, b) {
  for (const header of ['etag', 'last-modified']) {
    const value = b.get(header);
    if (value) return a.get(header) === value;
  }
  return false;
}
