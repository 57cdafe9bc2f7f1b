// "Next steps": for a valid request, the core's guide (guideData) as an ordered list of steps:
// who acts (You / Adobe), what and why, each command in a <pre><code> with a Copy button and its
// placeholders marked and explained, what success and failure look like, and what to check when a
// test fails. The text is all the core's; this module only lays it out, as text (never HTML).
//
//   const panel = createGuidePanel({ api, idPrefix, copy: writeClipboard });
//   wrapper.append(panel.element);
//   const guide = panel.update(request, report);   // the Guide object, or null when not ready

import { h, placeChildren } from './dom.js';

const ACTOR = { customer: 'You', adobe: 'Adobe' };
/** The commands of a step always rendered; the rest wait until they are near the screen. */
const SHOWN_COMMANDS = 6;
const FORMATS = [
  { key: 'text', ext: 'txt', mime: 'text/plain' },
  { key: 'markdown', ext: 'md', mime: 'text/markdown' },
];

/** The command as text nodes and <mark> elements for its placeholders; its textContent is the command. */
export function commandParts(command, placeholders) {
  const tokens = [...new Set(placeholders || [])].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!tokens.length) return [command];
  const re = new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const out = [];
  let at = 0;
  for (const m of command.matchAll(re)) {
    if (m.index > at) out.push(command.slice(at, m.index));
    out.push(h('mark', { class: 'plp-ph', text: m[0] }));
    at = m.index + m[0].length;
  }
  if (at < command.length) out.push(command.slice(at));
  return out;
}

/**
 * Whether two values read from JSON (the core's guide) are equal, compared in place: for a long
 * guide this is a few times quicker than comparing their JSON texts, and allocates nothing.
 */
export function sameJson(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!Object.hasOwn(b, k) || !sameJson(a[k], b[k])) return false;
  return true;
}

/** The number of commands of a guide (what its size, and the cost of writing it, follow). */
export function commandCount(guide) {
  return guide ? guide.steps.reduce((n, s) => n + s.commands.length, 0) : 0;
}

/**
 * options.api: the loaded core (guideData, guide); options.idPrefix: prefix of the panel's ids;
 * options.copy(text, container): puts text on the clipboard, resolves to true when it did (the
 * form's writeClipboard, with its fallback); options.refresh(): brings the panel up to date when
 * the form holds an update back (app.js, for a long guide off the screen), before a download.
 * Returns { element, update(request, report), commands() }.
 * @param {{ api: any, idPrefix?: string, copy?: (text: string, container: Element) => Promise<boolean>, refresh?: () => void }} options
 */
export function createGuidePanel({ api, idPrefix = 'plp', copy = async () => false, refresh = () => {} }) {
  const px = `${idPrefix}-guide`;
  let guide = null;
  let request = null;
  let commands = 0; // commandCount of the last guide written (kept while an error hides it)
  /** step id -> what its <li> shows: { el, step, n (its number), said (its placeholders' meanings) } */
  let shownSteps = new Map();

  const heading = h('h2', { class: 'plp-h2', id: `${px}-h`, tabindex: '-1', text: 'Next steps' });
  const status = h('p', { class: 'plp-guide-status' });
  const summary = h('p', { class: 'plp-guide-summary' });
  const steps = h('ol', { class: 'plp-steps' });
  const note = h('p', { class: 'plp-copy-status plp-guide-note', role: 'status' });
  const downloads = h('div', { class: 'plp-actions' },
    FORMATS.map((f) => h('button', {
      type: 'button', class: 'plp-button plp-secondary', 'data-action': `download-guide-${f.ext}`,
      on: { click: () => download(f) },
    }, 'Download guide ', h('span', { class: 'plp-vh', text: 'as ' }), `.${f.ext}`)));
  const body = h('div', { class: 'plp-guide-body', hidden: true }, summary, downloads, note, steps);
  const element = h('section', { class: 'plp-guide', 'aria-labelledby': heading.id, 'data-state': 'not-ready' },
    heading, status, body);

  function setNote(text, ok) {
    note.classList.toggle('plp-status-error', !ok);
    note.textContent = text;
  }

  function stepItem(step, n, meanings) {
    const commands = step.commands.map((c, k) => {
      const code = h('code', {}, commandParts(c.command, c.placeholders));
      const label = `command ${k + 1} of step ${n}`;
      return h('div', { class: 'plp-command', 'data-command': `${step.id}-${k + 1}` },
        h('p', { class: 'plp-command-purpose', text: c.purpose }),
        h('div', { class: 'plp-command-line' },
          h('pre', { class: 'plp-command-code' }, code),
          h('button', {
            type: 'button', class: 'plp-button plp-secondary plp-copy-command',
            on: {
              click: async () => {
                const ok = await copy(c.command, element);
                setNote(ok ? `Copied ${label}.` : `Could not copy ${label}: select it and copy it by hand.`, ok);
              },
            },
          }, 'Copy', h('span', { class: 'plp-vh', text: ` ${label}` }))),
        c.success ? h('p', { class: 'plp-outcome plp-outcome-success' }, h('strong', { text: 'When it works: ' }), c.success) : null,
        c.failure ? h('p', { class: 'plp-outcome plp-outcome-failure' }, h('strong', { text: 'When it does not: ' }), c.failure) : null);
    });
    // The step's placeholders, each explained once, before its commands.
    const tokens = [...new Set(step.commands.flatMap((c) => c.placeholders))];
    const placeholders = tokens.length
      ? h('div', { class: 'plp-ph-list' },
        h('p', { class: 'plp-ph-intro', text: tokens.length === 1 ? 'Replace the marked placeholder:' : 'Replace the marked placeholders:' }),
        h('dl', {}, tokens.map((t) => [
          h('dt', {}, h('code', { text: t })),
          h('dd', { text: meanings.get(t) || '' }),
        ])))
      : null;
    const actor = ACTOR[step.actor] || step.actor;
    // A step of many commands (one per port and service) keeps those past the first few in one
    // box that the browser renders only near the screen (style.css).
    const shown = commands.length > SHOWN_COMMANDS
      ? [...commands.slice(0, SHOWN_COMMANDS), h('div', { class: 'plp-commands-more' }, commands.slice(SHOWN_COMMANDS))]
      : commands;
    return h('li', { class: 'plp-step', 'data-step': step.id, 'data-actor': step.actor },
      h('h3', { class: 'plp-step-title' },
        h('span', { class: `plp-actor plp-actor-${step.actor}` }, actor, h('span', { class: 'plp-vh', text: ':' })), ' ',
        step.title),
      step.bidirectional ? h('p', { class: 'plp-step-tag', text: 'Bidirectional connections only' }) : null,
      h('p', { class: 'plp-step-text', text: step.explanation }),
      placeholders,
      shown,
      step.checklist.length
        ? h('div', { class: 'plp-checklist' },
          h('p', { class: 'plp-checklist-intro', text: 'When it does not work, check:' }),
          h('ul', {}, step.checklist.map((item) => h('li', { text: item }))))
        : null);
  }

  /**
   * Shows `guide` in place: a step whose content (and place, and placeholder meanings) is what it
   * was keeps its element, so typing rebuilds only the steps that say what was typed, and focus,
   * a selection and the scroll position in the others stay.
   */
  function render() {
    const meanings = new Map(guide.placeholders.map((p) => [p.token, p.meaning]));
    if (summary.textContent !== guide.summary) summary.textContent = guide.summary;
    const next = new Map();
    const items = guide.steps.map((s, i) => {
      const tokens = [...new Set(s.commands.flatMap((c) => c.placeholders))];
      const said = tokens.map((t) => meanings.get(t) || '');
      const old = shownSteps.get(s.id);
      const same = old && old.n === i + 1 && sameJson(old.said, said) && sameJson(old.step, s);
      const el = same ? old.el : stepItem(s, i + 1, meanings);
      next.set(s.id, { el, step: s, n: i + 1, said });
      return el;
    });
    placeChildren(steps, items);
    shownSteps = next;
  }

  function notReady(text) {
    guide = null;
    if (status.textContent !== text) status.textContent = text;
    status.hidden = false;
    body.hidden = true;
    if (element.dataset.state !== 'not-ready') element.dataset.state = 'not-ready';
    if (note.textContent) note.textContent = '';
  }

  function download(f) {
    refresh();
    if (!request || !guide) return;
    let content;
    try {
      content = api.guide(request, f.key);
    } catch (err) {
      setNote(`Could not write the guide: ${err && err.message ? err.message : err}`, false);
      return;
    }
    if (!content.endsWith('\n')) content += '\n';
    const name = `privatelink-guide.${f.ext}`;
    const url = URL.createObjectURL(new Blob([content], { type: `${f.mime};charset=utf-8` }));
    const a = h('a', { href: url, download: name, hidden: true });
    element.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setNote(`Downloaded ${name}.`, true);
  }

  return {
    element,
    /** Shows the guide of `request` when `report` says it is valid; returns the guide or null.
     * `waiting`: what to say instead of the default while it is not ready. */
    update(req, report, waiting = '') {
      request = req;
      if (!report || !report.valid) {
        notReady(waiting || 'The next steps show here once the request is ready: what you and Adobe do after the ticket, with your commands filled in.');
        return null;
      }
      let next;
      try {
        next = api.guideData(req);
      } catch (err) {
        notReady(`The next steps could not be written: ${err && err.message ? err.message : err}`);
        return null;
      }
      guide = next;
      commands = commandCount(guide);
      status.hidden = true;
      body.hidden = false;
      if (element.dataset.state !== 'ready') element.dataset.state = 'ready';
      render();
      return guide;
    },
    /** The number of commands of the last guide written (0 before the first). */
    commands: () => commands,
  };
}
