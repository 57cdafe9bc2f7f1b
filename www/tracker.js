// The tracker: the steps of the request's guide as a checklist (who acts at each, the text the
// core's), the date the ticket was sent and the expected completion the core computes
// (expectedCompletion: up to five business days, weekends skipped). Kept in localStorage per
// project ID and kind; when the browser refuses storage (private mode, full quota), the page says
// so and goes on working without it.
//
//   const tracker = createTracker({ api, idPrefix });
//   wrapper.append(tracker.element);
//   tracker.update(request, guide);   // guide: guideData(request), or null when not ready

import { h, placeChildren } from './dom.js';

const ACTOR = { customer: 'You', adobe: 'Adobe' };
export const STORAGE_PREFIX = 'privatelink-prep:tracker:v1:';

/** The project ID of a valid request as its ticket writes it (lowercase: the core reads an
 * uppercase ID as the same project). */
function projectOf(request) {
  return String((request && request.project_id) || '').trim().toLowerCase();
}

/** The storage key of a request's tracker: its kind and project ID. */
export function trackerKey(request) {
  const kind = request && request.kind === 'change' ? 'change' : 'enablement';
  return `${STORAGE_PREFIX}${kind}:${projectOf(request)}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** `2026-12-03` -> `Thursday 3 December 2026`, the same in every browser and time zone: the one
 * date format of the page (the tracker, the restored draft). */
export function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${d} ${MONTHS[mo - 1]} ${y}`;
}

/** localStorage, or null when the browser does not give it. */
function defaultStorage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}

const FAILED = 'This browser does not let the page keep the tracker (private browsing, or storage is full or turned off), so it is lost when you leave. Everything else works.';

/**
 * options.api: the loaded core (expectedCompletion); options.idPrefix: prefix of its ids;
 * options.storage: a Storage (default: localStorage).
 * Returns { element, update(request, guide) }.
 */
export function createTracker({ api, idPrefix = 'plp', storage = defaultStorage() }) {
  const px = `${idPrefix}-tracker`;
  let key = '';
  let kind = 'enablement';
  let data = { sent: '', done: [] };
  let steps = []; // [{ id, actor, title }]
  let days = 5; // the guide's business_days
  let shownSteps = '';

  const heading = h('h2', { class: 'plp-h2', id: `${px}-h`, text: 'Track your request' });
  const status = h('p', { class: 'plp-tracker-status' });
  const scope = h('p', { class: 'plp-hint plp-tracker-scope' });
  // The date input is made when the tracker first shows: a page's first one is slow to make
  // (about 25 ms on a slow phone), and the form's start-up is no place for it.
  let dateInput = null;
  const expected = h('p', { class: 'plp-tracker-expected', id: `${px}-expected`, 'aria-live': 'polite' });
  const list = h('ol', { class: 'plp-track-steps' });
  const progress = h('p', { class: 'plp-tracker-progress', 'aria-live': 'polite' });
  const note = h('p', { class: 'plp-copy-status plp-tracker-note', role: 'status' });
  const reset = h('button', {
    type: 'button', class: 'plp-button plp-secondary', 'data-action': 'reset-tracker', text: 'Reset tracker',
    on: { click: onReset },
  });
  const dateLabel = h('label', { class: 'plp-label', text: 'Ticket sent on' });
  const dateField = h('div', { class: 'plp-field' },
    dateLabel,
    h('p', { class: 'plp-hint', id: `${px}-sent-hint`, text: 'The day you sent the ticket to Adobe Commerce Support.' }));
  const body = h('div', { class: 'plp-tracker-body', hidden: true },
    scope,
    dateField,
    expected,
    h('fieldset', { class: 'plp-field plp-group' },
      h('legend', { class: 'plp-label', text: 'Steps done' }),
      list),
    progress,
    h('div', { class: 'plp-actions' }, reset),
    note);
  const element = h('section', { class: 'plp-tracker', 'aria-labelledby': heading.id, 'data-state': 'not-ready' },
    heading, status, body);

  // ---- storage (every access can throw: private mode, quota, storage turned off) ----

  function load() {
    data = { sent: '', done: [] };
    if (!storage) {
      setNote(FAILED, false);
      return;
    }
    try {
      const raw = storage.getItem(key);
      if (raw) {
        const parsed = JSON.parse(raw);
        data = {
          sent: typeof parsed.sent === 'string' ? parsed.sent : '',
          done: Array.isArray(parsed.done) ? parsed.done.filter((s) => typeof s === 'string') : [],
        };
      }
      setNote('', true);
    } catch {
      setNote(FAILED, false);
    }
  }

  function save() {
    if (!storage) {
      setNote(FAILED, false);
      return;
    }
    try {
      if (!data.sent && !data.done.length) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify({ sent: data.sent, done: data.done }));
      if (note.classList.contains('plp-status-error')) setNote('', true);
    } catch {
      setNote(FAILED, false);
    }
  }

  function setNote(text, ok) {
    note.classList.toggle('plp-status-error', !ok);
    if (note.textContent !== text) note.textContent = text;
  }

  // ---- rendering ----

  /** The <li> of each step shown, by the JSON of what it shows ([place, id, actor, title]). */
  let shownItems = new Map();

  /** Shows `steps` in place: an item that shows what it did stays (focus on its box too). */
  function renderSteps() {
    const next = new Map();
    const items = steps.map((s, i) => {
      const key = JSON.stringify([i, s.id, s.actor, s.title]);
      const el = shownItems.get(key) || stepItem(s, i);
      // Ticked or not as the data says (the tracker of another project may have just loaded).
      const box = /** @type {HTMLInputElement} */ (el.querySelector('input'));
      if (box.checked !== data.done.includes(s.id)) box.checked = !box.checked;
      next.set(key, el);
      return el;
    });
    placeChildren(list, items);
    shownItems = next;
  }

  function stepItem(s, i) {
    const id = `${px}-step-${i + 1}`;
    return h('li', { class: 'plp-track-step', 'data-step': s.id },
      h('div', { class: 'plp-choice' },
        h('input', {
          type: 'checkbox', id, class: 'plp-choice-input', value: s.id,
          checked: data.done.includes(s.id),
          on: { change: (e) => onTick(s.id, /** @type {HTMLInputElement} */ (e.target).checked) },
        }),
        h('label', { class: 'plp-choice-label', for: id },
          h('span', { class: `plp-actor plp-actor-${s.actor}` }, ACTOR[s.actor] || s.actor, h('span', { class: 'plp-vh', text: ':' })), ' ',
          s.title)));
  }

  function renderProgress() {
    const done = steps.filter((s) => data.done.includes(s.id)).length;
    const text = `${done} of ${steps.length} steps done.`;
    if (progress.textContent !== text) progress.textContent = text;
  }

  function renderExpected() {
    const what = kind === 'change' ? 'make the changes' : 'complete enablement';
    if (!data.sent) {
      expected.replaceChildren(`Enter the date you sent the ticket to see by when Adobe should ${what}.`);
      delete expected.dataset.expected;
      return;
    }
    let due;
    try {
      due = api.expectedCompletion(data.sent);
    } catch (err) {
      expected.replaceChildren(`No expected date: ${err && err.message ? err.message : err}`);
      delete expected.dataset.expected;
      return;
    }
    expected.dataset.expected = due;
    expected.replaceChildren(
      'Ticket sent on ', h('time', { datetime: data.sent, text: longDate(data.sent) }),
      `: expect Adobe to ${what} by `,
      h('strong', {}, h('time', { datetime: due, text: longDate(due) })),
      `, up to ${days} business days later. Business days here skip Saturdays and Sundays but not public holidays, so a holiday in between moves the date.`);
  }

  function renderAll() {
    if (!dateInput) {
      dateInput = h('input', {
        type: 'date', id: `${px}-sent`, class: 'plp-input plp-w-16', 'aria-describedby': `${px}-sent-hint`,
        on: { input: onDate, change: onDate },
      });
      dateField.append(dateInput);
      dateLabel.htmlFor = dateInput.id;
    }
    dateInput.value = data.sent;
    renderSteps();
    renderProgress();
    renderExpected();
  }

  // ---- events ----

  function onDate() {
    const value = dateInput.value; // '' until the date is complete and valid
    if (value === data.sent) return;
    data.sent = value;
    save();
    renderExpected();
  }

  function onTick(id, on) {
    const set = new Set(data.done);
    if (on) set.add(id); else set.delete(id);
    data.done = [...set];
    save();
    renderProgress();
  }

  function onReset() {
    data = { sent: '', done: [] };
    save();
    renderAll();
    if (!note.classList.contains('plp-status-error')) setNote('The tracker is reset: no date, no step done.', true);
  }

  return {
    element,
    /** Shows the tracker of `request` (its steps from `guide`), or says it is not ready. */
    update(request, guide, waiting = '') {
      if (!request || !guide) {
        const text = waiting || 'The tracker shows here once the request is ready: tick the steps as they are done and see by when Adobe should finish.';
        if (status.textContent !== text) status.textContent = text;
        status.hidden = false;
        body.hidden = true;
        if (element.dataset.state !== 'not-ready') element.dataset.state = 'not-ready';
        return;
      }
      const nextKey = trackerKey(request);
      const nextSteps = guide.steps.map((s) => ({ id: s.id, actor: s.actor, title: s.title }));
      const json = JSON.stringify(nextSteps);
      if (guide.business_days !== days && Number.isInteger(guide.business_days)) {
        days = guide.business_days;
        renderExpected();
      }
      if (nextKey !== key) {
        key = nextKey;
        kind = request.kind === 'change' ? 'change' : 'enablement';
        load();
        steps = nextSteps;
        shownSteps = json;
        scope.replaceChildren('Kept in this browser only, for the ', kind === 'change' ? 'change request' : 'enablement',
          ' of project ', h('code', { text: projectOf(request) }), '. Tick each step when it is done.');
        renderAll();
      } else if (json !== shownSteps) {
        steps = nextSteps;
        shownSteps = json;
        renderSteps();
        renderProgress();
      }
      status.hidden = true;
      body.hidden = false;
      if (element.dataset.state !== 'ready') element.dataset.state = 'ready';
    },
  };
}
