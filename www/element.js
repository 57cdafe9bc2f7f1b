// <privatelink-prep>: the whole checker as a custom element, for documentation portals.
//
//   <script type="module" src="/path/to/www/element.js"></script>
//   <privatelink-prep id="plp" cloud="aws" region="eu-west-1" theme="auto"></privatelink-prep>
//
// The element loads the core itself (once per page, shared by every instance), renders the form
// into an open shadow root with its own stylesheets (www/style.css, work.css and element.css, linked
// from this module's URL, so a page CSP of style-src 'self' is enough), and keeps labels, inputs,
// messages and the error summary in that one tree.
//
// Attributes
//   cloud, region, project-id, company, connection-type   prefill AND lock a value: it is sent,
//                                                          shown read-only, and cannot be edited
//                                                          (a change re-renders the form; what is
//                                                          typed, and focus in it, are kept)
//   theme="light|dark|auto"                                colours (default auto: the OS setting)
//   id                                                     with an id, the form keeps a draft in
//                                                          localStorage (privatelink-prep:draft:<id>)
//   save-draft="off"                                       no draft even with an id
// CSS custom properties (set them on the element): --plp-accent, --plp-accent-fg, --plp-bg,
//   --plp-fg, --plp-muted, --plp-surface, --plp-border, --plp-rule, --plp-focus, --plp-error,
//   --plp-warning, --plp-info (and their -bg), --plp-radius, --plp-font, --plp-mono, --plp-padding.
// Events (bubbling, composed)
//   privatelink-change   detail { report, request }               on every re-validation
//   privatelink-ticket   detail { ticket, tickets, request }      when a valid ticket is ready
//                                                                 (again whenever it changes)

import { load } from './core.js';
import { draftKey, readDraft } from './drafts.js';
import { holdsEvidence, loadEvidence } from './evidence.js';
import { elementStyles } from './element-styles.js';
import { toFormValues } from './import-export.js';
import { mountForm } from './workbar.js';

export { load };

export const TAG = 'privatelink-prep';

/** Attribute -> request document field, for the values a host can prefill and lock. */
export const LOCKABLE = Object.freeze({
  cloud: 'cloud',
  region: 'region',
  'project-id': 'project_id',
  company: 'company',
  'connection-type': 'connection_type',
});

let instances = 0;

export class PrivateLinkPrepElement extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(LOCKABLE), 'id', 'save-draft'];
  }

  #root;
  #idPrefix = `plpe${++instances}`; // the same ids in every mount, so focus can find its control again
  #app = null;
  #starting = null;
  #ticketKey = '';
  #ticket = null; // the ticket of the run in progress, sent after its change event
  #resolveReady;
  #rejectReady;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    /** Resolves when the form is on screen; rejects when the core could not load. */
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {}); // a failed load is shown in the element; callers may still await it
  }

  connectedCallback() {
    if (!this.#starting) this.#starting = this.#start();
  }

  disconnectedCallback() {
    // The element may only be moving; keep the form, but do not lose a pending draft.
    if (this.#app) this.#app.saveNow();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#app) return;
    // Re-mount with what is on screen, then the attributes (which win, and lock). Messages stay
    // shown after a Check, the ticket tab stays, and focus, when it was in the form, goes back to
    // the same control with the same selection.
    const focus = focusOf(this.#root);
    const current = this.#app.getState();
    const view = this.#app.getView();
    this.#app.destroy();
    this.#app = this.#mount(current, false, view);
    if (focus) refocus(this.#root, focus);
  }

  /** The request document the form sends now (null before the form is ready). */
  getRequest() { return this.#app ? this.#app.getRequest() : null; }
  /** The core's report on it (null before the form is ready). */
  getReport() { return this.#app ? this.#app.getReport() : null; }
  /** { text, markdown } tickets when the request is valid, else null. */
  getTickets() { return this.#app ? this.#app.getTickets() : null; }
  /** Sets a field by its document path (e.g. "ports[0].port"); false when there is no such field. */
  setValue(path, value) { return this.#app ? this.#app.setValue(path, value) : false; }
  /** Like the Check button: shows every message and returns the report. */
  check() { return this.#app ? this.#app.check() : null; }

  async #start() {
    const status = document.createElement('p');
    status.className = 'plp-element-status';
    status.textContent = 'Loading the checker…';
    const styles = elementStyles(this.#root);
    this.#root.replaceChildren(...styles.nodes, status);
    try {
      await Promise.all([this.#core(), styles.ready]);
      status.remove();
      this.#app = this.#mount({}, true);
      this.#resolveReady();
    } catch (err) {
      // In the user's words, with a Try again (a failed load is not cached); the browser's own
      // message goes to the title, for whoever reports it.
      status.classList.add('plp-element-error');
      status.title = String(err && err.message ? err.message : err);
      status.textContent = typeof WebAssembly === 'object'
        ? 'The checker could not start: its WebAssembly part did not load. '
        : 'The checker could not start: this browser does not run WebAssembly, which the checks need. ';
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'plp-element-retry';
      retry.textContent = 'Try again';
      retry.addEventListener('click', () => {
        this.#starting = this.#start();
        this.#starting.then(() => /** @type {HTMLElement | null} */ (this.#root.querySelector('.plp-element-retry, form input'))?.focus());
      });
      status.append(retry);
      this.#rejectReady(err); // `ready` stays rejected; a later success shows the form all the same
    }
  }

  async #core() {
    this.api = await load();
    // A draft with pasted outputs is checked by the evidence module from its first verdict on.
    const id = this.getAttribute('id');
    const draft = id && this.getAttribute('save-draft') !== 'off' ? readDraft(draftKey(id)) : null;
    if (draft && draft.status === 'found' && holdsEvidence(draft.values)) await loadEvidence().catch(() => {});
    return this.api;
  }

  /** Values and locks from the attributes; a value the form cannot hold is skipped, with a warning. */
  #attributeValues() {
    const values = {};
    for (const [attr, path] of Object.entries(LOCKABLE)) {
      const raw = this.getAttribute(attr);
      if (raw === null) continue;
      const { values: given, misfits } = toFormValues({ [path]: raw });
      if (misfits.length) console.warn(`<${TAG}> ignores ${attr}="${raw}": the form has no such choice.`);
      else Object.assign(values, given);
    }
    return values;
  }

  #mount(values, restore, view = undefined) {
    const locked = this.#attributeValues();
    const id = this.getAttribute('id');
    const saves = Boolean(id) && this.getAttribute('save-draft') !== 'off';
    this.#ticketKey = '';
    return mountForm(this.#root, {
      api: this.api,
      idPrefix: this.#idPrefix,
      view,
      values: { ...values, ...locked },
      locked: Object.keys(locked),
      draftKey: saves ? draftKey(id) : null,
      sayUnkept: !saves, // the user learns that a reload loses what they type
      restore,
      // The form reports the ticket before the report; the events go out as change, then ticket.
      onTicket: (tickets, request) => {
        this.#ticket = { ticket: tickets.text, tickets, request };
      },
      onReport: (report, request) => {
        const ticket = report.valid ? this.#ticket : null;
        this.#ticket = null;
        this.#emit('privatelink-change', { report, request });
        const key = ticket ? JSON.stringify(ticket.tickets) : '';
        if (key !== this.#ticketKey) {
          this.#ticketKey = key;
          if (ticket) this.#emit('privatelink-ticket', ticket);
        }
      },
    });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

/**
 * The control focused in `root` (null when focus is not in it), as a way to find it in a new
 * mount: its id, else its name (and value), else its data-action, else its tag and classes within
 * the nearest ancestor with an id, a data-field or a data-row; and a text control's selection.
 */
function focusOf(root) {
  const el = /** @type {HTMLInputElement | null} */ (root.activeElement);
  if (!el) return null;
  const attr = (name, value) => `[${name}="${CSS.escape(value)}"]`;
  let selector;
  let within = '';
  if (el.id) {
    selector = `#${CSS.escape(el.id)}`;
  } else if (el.getAttribute('name')) {
    selector = el.localName + attr('name', el.getAttribute('name'))
      + (el.type === 'radio' || el.type === 'checkbox' ? attr('value', el.value) : '');
  } else if (el.dataset.action) {
    selector = attr('data-action', el.dataset.action);
  } else {
    selector = el.localName + [...el.classList].map((c) => `.${CSS.escape(c)}`).join('');
    const anchor = el.parentElement && el.parentElement.closest('[id], [data-field], [data-row]');
    if (anchor && root.contains(anchor)) {
      within = anchor.id ? `#${CSS.escape(anchor.id)}`
        : anchor.hasAttribute('data-field') ? attr('data-field', anchor.getAttribute('data-field'))
          : attr('data-row', anchor.getAttribute('data-row'));
    }
  }
  const scope = within ? root.querySelector(within) : root;
  const index = [...scope.querySelectorAll(selector)].indexOf(el);
  let selection = null;
  try {
    // null (or a throw) where the type has no selection: number, date, checkbox, ...
    if (typeof el.selectionStart === 'number') {
      selection = { value: el.value, start: el.selectionStart, end: el.selectionEnd, direction: el.selectionDirection };
    }
  } catch {
    selection = null;
  }
  return { selector, within, index: Math.max(index, 0), selection };
}

/** Focuses the control `focusOf()` described, if the new mount has it; its selection too, when
 * its value is unchanged. A control that is now read-only is still focused. */
function refocus(root, { selector, within, index, selection }) {
  const scope = within ? root.querySelector(within) : root;
  const el = /** @type {HTMLInputElement | undefined} */ (scope && scope.querySelectorAll(selector)[index]);
  if (!el) return;
  // The control was on screen: open the collapsed section around it (its summary shows anyway).
  const closed = el.closest('details:not([open])');
  if (closed && el.parentElement !== closed) /** @type {HTMLDetailsElement} */ (closed).open = true;
  el.focus({ preventScroll: true });
  if (!selection || root.activeElement !== el || el.value !== selection.value) return;
  try {
    el.setSelectionRange(selection.start, selection.end, selection.direction);
  } catch {
    // the type has no selection after all
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PrivateLinkPrepElement);
