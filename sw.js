// privatelink-prep's service worker: after the first visit over HTTP(S), the page works offline.
//
// It precaches the page's own files (the list and the version come from www/pkg/sw-manifest.js,
// which scripts/build.sh writes: the version is a hash of those files) into the cache
// "privatelink-prep-<version>", answers requests for them from that cache first, and deletes the
// caches of other versions when it activates. A new build changes sw-manifest.js, the browser
// notices on the next visit, installs the new version and takes over; the visit after that uses it.
// The evidence module (the manifest's `lazy` files) is not precached: it is cached in the same
// cache the first time the page fetches it (when evidence is first used), and served from it after.
// Without a built manifest it caches nothing and every request goes to the network.
/* eslint-env serviceworker */
'use strict';

const PREFIX = 'privatelink-prep-';
let manifest = null;
try {
  importScripts('www/pkg/sw-manifest.js');
  manifest = self.PRIVATELINK_PREP_PRECACHE || null;
} catch {
  manifest = null;
}

const CACHE = manifest ? `${PREFIX}${manifest.version}` : null;
const urls = manifest ? manifest.files.map((f) => new URL(f, self.location.href)) : [];
const paths = new Set(urls.map((u) => u.pathname));
// Cached on first use, not precached (the evidence module): what a visitor never uses, they never
// download; once used, it works offline like the rest.
const lazy = new Set((manifest && manifest.lazy ? manifest.lazy : []).map((f) => new URL(f, self.location.href).pathname));

self.addEventListener('install', (event) => {
  if (!CACHE) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Straight from the server: the HTTP cache may still hold the files of the previous version.
    await cache.addAll(urls.map((u) => new Request(u, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!CACHE || request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !(paths.has(url.pathname) || lazy.has(url.pathname))) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = url.origin + url.pathname;
    const hit = await cache.match(key);
    if (hit) return hit;
    const response = await fetch(request);
    if (lazy.has(url.pathname) && response.ok) await cache.put(key, response.clone());
    return response;
  })());
});
