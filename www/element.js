// <privatelink-prep>: the whole checker as a custom element, for documentation portals.
//
//   <script type="module" src="/path/to/www/element.js"></script>
//   <privatelink-prep id="plp" cloud="aws" region="eu-west-1" theme="auto"></privatelink-prep>
//
// The element renders the form at once into an open shadow root (typeable, its draft restored,
// its attributes applied) with its own stylesheets (www/style.css, work.css and element.css, linked
// from this module's URL, so a page CSP of style-src 'self' is enough), and keeps labels, inputs,
// messages and the error summary in that one tree. It loads the core itself (once per page, shared
// by every instance), and the checks join the form when it is there, as on the page (www/main.js).
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
//   privatelink-change   detail { report, request }               on every re-validation (the
//                                                                 first when the checks join);
//                                                                 request is frozen (getRequest()
//                                                                 gives a copy to change)
//   privatelink-ticket   detail { ticket, tickets, request }      when a valid ticket is ready
//                                                                 (again whenever it changes)

import { load } from './core.js';
import { draftKey, readDraft } from './drafts.js';
import { holdsEvidence, loadEvidence } from './evidence.js';
import { elementStyles } from './element-styles.js';
import { toFormValues } from './import-export.js';
import { loadFailure, showRetrying } from './load-failure.js';
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
/** The elements showing that the core could not load: the next load that succeeds (a Try again in
 * any of them, or a new element) joins them all. */
const failed = /** @type {Set<PrivateLinkPrepElement>} */ (new Set());

export class PrivateLinkPrepElement extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(LOCKABLE), 'id', 'save-draft'];
  }

  #root;
  #idPrefix = `plpe${++instances}`; // the same ids in every mount, so focus can find its control again
  #app = null;
  /** The core's load: a promise of it until it is there (each Try again makes a new one). */
  #loading = null;
  #styled = false; // the stylesheets apply: the form is shown
  #status = null; // "Loading the checker…", until the stylesheets apply
  #failure = null; // the notice shown while the core could not load
  #ticketKey = '';
  #ticket = null; // the ticket of the run in progress, sent after its change event
  #resolveReady;
  #rejectReady;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    /** Resolves once the checks have joined the form (its stylesheets apply, the core is loaded and
     * the form checked); rejects when the core could not load. The form itself is there, typeable
     * and with its draft, as soon as the element is connected. */
    this.ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.ready.catch(() => {}); // a failed load is shown in the element; callers may still await it
  }

  connectedCallback() {
    if (!this.#app) this.#start();
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

  // Before the core is there, the form works (setValue, getRequest) and what needs the core says
  // it is not there yet (null); `ready` resolves, and privatelink-change fires, once it is.

  /** The request document the form sends now (null before the element is connected). */
  getRequest() { return this.#app ? this.#app.getRequest() : null; }
  /** The core's report on it (null until the checks have joined: see `ready`). */
  getReport() { return this.#checking() ? this.#app.getReport() : null; }
  /** { text, markdown } tickets when the request is valid, else null (also until the checks have joined). */
  getTickets() { return this.#checking() ? this.#app.getTickets() : null; }
  /** Sets a field by its document path (e.g. "ports[0].port"); false when there is no such field.
   * Works as soon as the element is connected, before the core too (it is checked when it joins). */
  setValue(path, value) { return this.#app ? this.#app.setValue(path, value) : false; }
  /** Like the Check button: shows every message and returns the report. Before the checks have
   * joined: returns null, and every message shows as soon as they do. */
  check() {
    if (!this.#app) return null;
    const report = this.#app.check();
    return this.#checking() ? report : null;
  }

  #checking() { return Boolean(this.#app && this.#app.isChecking()); }

  /**
   * The form at once, with its draft and the attributes, as the page does (www/main.js): the
   * core loads beside it and its checks join when it is there. The form is shown once its
   * stylesheets apply (at once from the npm package, whose CSS is inside its module).
   */
  #start() {
    this.#status = document.createElement('p');
    this.#status.className = 'plp-element-status';
    this.#status.textContent = 'Loading the checker…';
    const styles = elementStyles(this.#root);
    this.#root.replaceChildren(...styles.nodes, this.#status);
    this.#loading = this.#core();
    this.#loading.catch(() => {}); // shown below, once the form is there
    this.#app = this.#mount({}, true);
    styles.ready.then(() => {
      this.#styled = true;
      this.#status.remove();
      this.#app.element.hidden = false;
    });
    // After the form's own handler (registered in #mount): the form is checked when these run.
    Promise.all([this.#loading, styles.ready]).then(() => this.#resolveReady(), (err) => {
      this.#showFailure(err);
      this.#rejectReady(err); // `ready` stays rejected; a later success checks the form all the same
    });
  }

  /**
   * What the page shows when the core cannot start (www/load-failure.js), at the top of the form,
   * which keeps what was typed. "Try again" loads it again; the checks join when it comes, in
   * every element on the page that could not load it (they share one core; see #core).
   */
  #showFailure(err, retrying = false) {
    const box = loadFailure(err, async () => {
      const hadFocus = box.contains(this.#root.activeElement);
      showRetrying(box);
      this.#loading = this.#core();
      try {
        await this.#loading; // which joins the checks here and in every element that had failed
      } catch (again) {
        box.remove();
        this.#showFailure(again, true);
        return;
      }
      // The button that had focus is gone: focus goes to the form's first control.
      if (hadFocus) /** @type {HTMLElement | null} */ (this.#root.querySelector('form input, form select'))?.focus();
    });
    this.#failure = box;
    failed.add(this);
    this.#app.element.prepend(box);
    // After a Try again, focus stays on the button that is there again.
    if (retrying) /** @type {HTMLElement | null} */ (box.querySelector('.load-retry'))?.focus();
  }

  /** The core is there after all (this element's Try again, or another's load): the checks join. */
  #join(core) {
    failed.delete(this);
    this.api = core;
    this.#failure?.remove();
    this.#failure = null;
    if (!this.#app.isChecking()) this.#app.setCore(core);
  }

  /** The core; first the evidence module too when the draft holds pasted outputs, so that they
   * are checked from the first verdict on (if it cannot load, the form says so and the core checks).
   * Once it is there, the elements that could not load it (a failed load is not cached) join. */
  async #core() {
    const core = await load();
    this.api = core;
    const id = this.getAttribute('id');
    const draft = id && this.getAttribute('save-draft') !== 'off' ? readDraft(draftKey(id)) : null;
    if (draft && draft.status === 'found' && holdsEvidence(draft.values)) await loadEvidence().catch(() => {});
    for (const el of [...failed]) el.#join(core);
    return core;
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
    const app = mountForm(this.#root, {
      // The loaded core, else its load (the checks join when it resolves).
      api: this.api || this.#loading,
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
    // Unstyled, the form would flash as plain HTML: it shows once its stylesheets apply.
    if (!this.#styled) app.element.hidden = true;
    if (this.#failure) app.element.prepend(this.#failure);
    return app;
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
