// What the form says when the WebAssembly core cannot start, shared by the page (www/main.js) and
// the <privatelink-prep> element (www/element.js): why, in the user's terms, a "Try again" (a
// failed load is not cached, so it fetches again), optionally a way round it, and the browser's
// own message folded under "Details" for a bug report. The form beside it keeps what was typed.
import { h } from './dom.js';

/**
 * The failure notice. `onRetry` runs on "Try again"; `extra`: nodes after the button (the page's
 * link to the single file). Use `showRetrying(box)` while a retry runs.
 * @param {any} err @param {() => void} onRetry @param {Node[] | (string | Node)[]} [extra]
 */
export function loadFailure(err, onRetry, extra = []) {
  const wasm = typeof WebAssembly === 'object';
  const retry = h('button', {
    type: 'button', class: 'load-retry', text: 'Try again',
    on: { click: onRetry },
  });
  return h('div', { class: 'load-error', role: 'alert' },
    h('p', {
      text: wasm
        ? 'The checker could not start: its WebAssembly part did not load. The connection may have dropped, or the page was updated while it loaded. The form keeps what you type.'
        : 'The checker could not start: this browser does not run WebAssembly, which the checks need. Open this page in a current Chrome, Edge, Firefox or Safari.',
    }),
    h('p', { class: 'load-actions' }, retry, ...(wasm ? extra : [])),
    h('details', { class: 'load-details' },
      h('summary', { text: 'Details for a bug report' }),
      h('p', { text: String(err && err.message ? err.message : err) })));
}

/** The notice while a retry loads: its content becomes one status line. @param {HTMLElement} box */
export function showRetrying(box) {
  box.replaceChildren(h('p', { class: 'loading-text', role: 'status', text: 'Loading the checker…' }));
}
