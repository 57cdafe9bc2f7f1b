// Entry point of index.html: mounts the form (with its work bar: draft, clear, export, import)
// into #app at once, and starts loading the WebAssembly core beside it: the form is visible,
// typeable and has its draft back before the module arrives, and the checks join when it is
// ready. Over HTTP(S), registers the service worker (sw.js) that keeps the page working offline
// after the first visit. The page loads it as part of the bundle www/pkg/page.js
// (scripts/bundle.mjs), so it finds nothing relative to its own URL.
import { load, inlined } from './core.js';
import { DRAFT_KEY, readDraft } from './drafts.js';
import { holdsEvidence, loadEvidence } from './evidence.js';
import { h } from './dom.js';
import { loadFailure, showRetrying } from './load-failure.js';
import { mountForm } from './workbar.js';

const root = document.getElementById('app');

/**
 * The core the form checks with: the main module, and first the evidence module when the draft
 * holds pasted outputs, so that they are checked from the first verdict on (if it cannot load,
 * the form says so in the evidence panel and the main module checks).
 */
async function loadCore() {
  const draft = readDraft(DRAFT_KEY);
  const core = await load();
  if (draft.status === 'found' && holdsEvidence(draft.values)) await loadEvidence().catch(() => {});
  return core;
}

/**
 * In two tasks, so that neither blocks the main thread for long (Lighthouse's Total Blocking
 * Time): this one starts the module's download and opens the draft storage (the first
 * localStorage access of a page is slow: it loads the origin's storage), the next one mounts the
 * form, which then reads the draft from the opened storage.
 */
function start() {
  const loading = loadCore();
  loading.catch(() => {}); // handled once the form is there (showFailure), not unhandled before
  loading.then(registerServiceWorker, registerServiceWorker);
  setTimeout(() => mount(loading), 0);
}

/** @param {Promise<any>} loading */
function mount(loading) {
  root.replaceChildren();
  // User timings for scripts/lighthouse.sh: the form is usable (typeable, draft restored), and
  // its first verdict is on screen (after the module has loaded).
  let first = true;
  const app = mountForm(root, {
    api: loading,
    draftKey: DRAFT_KEY,
    onReport() {
      if (!first) return;
      first = false;
      requestAnimationFrame(() => performance.mark('plp-first-verdict'));
    },
  });
  performance.mark('plp-form-usable');
  root.removeAttribute('aria-busy');
  // A handle for people poking at the page from the console (and for the end-to-end tests).
  /** @type {any} */ (window).privatelinkPrep = app;
  loading.catch((err) => showFailure(app, err));
}

/**
 * What the page says when the core cannot start, above the form (which keeps what was typed):
 * www/load-failure.js's notice with a Retry and, outside the single file, the single file, which
 * needs no connection.
 */
function showFailure(app, err, retrying = false) {
  const single = inlined ? [] : [' or ', h('a', { href: 'dist/privatelink-prep.html', download: true, text: 'download the single-file checker' }),
    ', which works from your disk with no connection.'];
  const box = loadFailure(err, async () => {
    showRetrying(box);
    try {
      const core = await loadCore();
      box.remove();
      app.setCore(core);
    } catch (again) {
      box.remove();
      showFailure(app, again, true);
    }
  }, single);
  root.prepend(box);
  // After a Try again, focus stays on the button that is there again.
  if (retrying) /** @type {HTMLElement | null} */ (box.querySelector('.load-retry'))?.focus();
}

/**
 * Offline after the first visit: only over http(s) (a file:// page cannot have a worker), and not
 * from the single file, which needs no worker (and whose CSP would refuse one). sw.js sits next to
 * index.html, so it is found from the document's URL (this code runs from www/pkg/page.js).
 * Registered once the module has loaded (or failed to): the worker's install downloads the
 * page's files again, which on a slow connection would share it with the module's own download.
 */
function registerServiceWorker() {
  if (inlined || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' })
    .catch(() => {
      // No worker (blocked, or an unbuilt page): the page works online as before.
    });
}

start();
