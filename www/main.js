// Entry point of index.html: loads the WebAssembly core and mounts the form (with its work bar:
// draft, clear, export, import) into #app; over HTTP(S), registers the service worker (sw.js) that
// keeps the page working offline after the first visit. The page loads it as part of the bundle
// www/pkg/page.js (scripts/bundle.mjs), so it finds nothing relative to its own URL.
import { load, inlined } from './core.js';
import { DRAFT_KEY } from './drafts.js';
import { mountForm } from './workbar.js';

const root = document.getElementById('app');

async function start() {
  try {
    const core = await load();
    root.replaceChildren();
    const app = mountForm(root, { api: core, draftKey: DRAFT_KEY });
    // A handle for people poking at the page from the console (and for the end-to-end tests).
    /** @type {any} */ (window).privatelinkPrep = app;
  } catch (err) {
    const p = document.createElement('p');
    p.className = 'load-error';
    p.textContent = `The checker could not start: ${err && err.message ? err.message : err}. ` +
      'This page needs a current browser with WebAssembly; if you built it yourself, run bash scripts/build.sh.';
    root.replaceChildren(p);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/**
 * Offline after the first visit: only over http(s) (a file:// page cannot have a worker), and not
 * from the single file, which needs no worker (and whose CSP would refuse one). sw.js sits next to
 * index.html, so it is found from the document's URL (this code runs from www/pkg/page.js).
 */
function registerServiceWorker() {
  if (inlined || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' })
    .catch(() => {
      // No worker (blocked, or an unbuilt page): the page works online as before.
    });
}

start();
registerServiceWorker();
