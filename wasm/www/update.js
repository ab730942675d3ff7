// Updates of the page. The service worker (sw.js) keeps the page working offline from a cache named
// after the build's version (version.js, written by scripts/build-page.sh). When a new version is
// deployed the browser installs it beside the running one; this module then tells the user, and
// the page goes on computing with the version it loaded, saying so, until the user reloads.

/** The version of the code running in this page (from version.js), or 'dev'. */
export const VERSION = globalThis.FORDELING_VERSION ?? 'dev';

/**
 * Registers the service worker. `onUpdate(apply)` is called when a new version is installed and
 * waiting; `apply()` activates it and reloads the page (after `beforeReload`, which saves the work).
 */
export async function watchUpdates(onUpdate, beforeReload) {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return null;
  let reg;
  try {
    reg = await navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' });
  } catch {
    return null;
  }
  let reloading = false;
  const offer = (worker) => onUpdate(async () => {
    await beforeReload();
    reloading = true;
    worker.postMessage('skip-waiting');
  });
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (reloading) location.reload(); });
  if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
    });
  });
  // A page left open looks for a new version when it is shown again and every half hour.
  const check = () => reg.update().catch(() => {});
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
  setInterval(check, 30 * 60 * 1000);
  return reg;
}
