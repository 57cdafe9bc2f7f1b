// Entry point of index.html: loads the WebAssembly core and mounts the form into #app.
import { mount } from './app.js';

const root = document.getElementById('app');

async function start() {
  try {
    const core = await import('./pkg/privatelink_prep.js');
    await core.default();
    root.replaceChildren();
    const app = mount(root, { api: core });
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

start();
