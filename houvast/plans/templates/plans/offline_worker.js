// Houvast's service worker for the patient's read view (scope /plannen/).
// A plan must be usable under stress, also without internet. So the read view is fetched from the
// network first and the last good copy is kept on this device; without a connection that copy is
// shown. Only responses the server marks with "X-Houvast-Offline" (the patient's own plan) are kept.
// Logging out sends Clear-Site-Data, which removes the copy and this worker.
const CACHE = "houvast-plan-v1";
const READ_VIEW = /^\/plannen\/[0-9a-f-]{36}\/lezen\/$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function keep(path, response) {
  const cache = await caches.open(CACHE);
  if (response.ok && response.headers.get("X-Houvast-Offline") === "yes") {
    await cache.put(path, response.clone());
  } else if (response.type === "opaqueredirect" || response.status === 403 || response.status === 404) {
    await cache.delete(path); // logged out, or no access any more
  }
}

async function networkFirst(request, path) {
  try {
    const response = await fetch(request);
    await keep(path, response);
    return response;
  } catch (error) {
    const cache = await caches.open(CACHE);
    const kept = await cache.match(path);
    if (kept) return kept;
    throw error;
  }
}

async function staticAsset(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && READ_VIEW.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (url.pathname.startsWith("/static/") && event.clientId) {
    event.respondWith(staticAsset(request));
  }
});

// The page asks to keep itself (and the style sheets and scripts it uses) right after the worker
// starts, so the first visit is kept too.
async function keepPage(path, assets) {
  const response = await fetch(path, { credentials: "same-origin", redirect: "manual" });
  await keep(path, response);
  const cache = await caches.open(CACHE);
  const sameOriginStatic = (asset) => {
    const url = new URL(asset, self.location.origin);
    return url.origin === self.location.origin && url.pathname.startsWith("/static/");
  };
  await cache.addAll((Array.isArray(assets) ? assets : []).filter(sameOriginStatic));
}

self.addEventListener("message", (event) => {
  const path = event.data && event.data.keep;
  if (typeof path !== "string" || !READ_VIEW.test(path)) return;
  event.waitUntil(
    keepPage(path, event.data.assets)
      .then(() => event.source && event.source.postMessage({ kept: path }))
      .catch(() => {}),
  );
});
