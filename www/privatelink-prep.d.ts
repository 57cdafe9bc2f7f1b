// Types of the portal-facing API (www/privatelink-prep.js, which re-exports www/element.js):
// the <privatelink-prep> element, its attributes and events, and load(), which returns the
// initialised core whose own types come from the generated www/pkg/privatelink_prep.d.ts.
// The npm package ships this file as element.d.ts, and scripts/custom-elements.mjs writes its
// custom-elements.json from it: the doc comment of each attribute, member, event detail and CSS
// custom property below is that property's description there.

import type * as Core from './pkg/privatelink_prep.js';
import type * as EvidenceCore from './pkg/privatelink_prep_evidence.js';

export type {
  Request,
  Report,
  Diagnostic,
  Severity,
  Ticket,
  TicketFormat,
  InvalidRequestError,
  Rule,
  RegionInfo,
  Guide,
  GuideFormat,
  GuideStep,
  GuideCommand,
  GuidePlaceholder,
  Actor,
  TicketPort,
  TicketChange,
  ChangeTicketDocument,
  EnablementTicketDocument,
  EnvironmentId,
  TicketPrincipal,
} from './pkg/privatelink_prep.js';

export type {
  EvidenceTarget,
  EvidenceFact,
  EvidenceFill,
  EvidenceReading,
  EvidenceCommand,
} from './pkg/privatelink_prep_evidence.js';

/** The initialised core: validate, renderTicket, rules, regions, guide, guideData, version, ... */
export type PrivateLinkCore = typeof Core;

/**
 * Loads the WebAssembly core once per page (every element and every caller share it) and resolves
 * to the initialised module. A failed load rejects, and a later call tries again.
 */
export function load(): Promise<PrivateLinkCore>;

// ---- evidence (issue 14): pasted cloud command outputs ---------------------------------------------

/**
 * One pasted cloud command output, as the request document holds it: in `evidence` (about the
 * request as a whole: the caller identity, the account) and in `endpoint_services[i].evidence`
 * (about that endpoint service: its configuration, permissions, listeners, or the Private Link
 * service). What it proves is the core's to say; an output it does not recognise is a warning.
 */
export interface EvidenceEntry {
  /** The command that printed it, e.g. "aws sts get-caller-identity" (optional). */
  source?: string;
  /** The output, as the command printed it (JSON). */
  output: unknown;
}

/** The request document's evidence fields (format version 1, additive). */
export interface EvidenceFields {
  evidence?: EvidenceEntry[];
  endpoint_services?: ({ evidence?: EvidenceEntry[] } & Record<string, unknown>)[];
}

/**
 * The evidence module (www/pkg/privatelink_prep_evidence_bg.wasm): everything the core does, with
 * the evidence checks (validate and renderTicket read evidence in the document), plus
 * evidenceRead and evidenceCommands; its types are the generated privatelink_prep_evidence.d.ts.
 */
export type PrivateLinkEvidenceCore = typeof EvidenceCore;

/**
 * Loads the evidence module once per page (the form does so when evidence is first used) and
 * resolves to it; from then on every form on the page uses it. A failed load rejects, and a later
 * call tries again.
 */
export function loadEvidence(): Promise<PrivateLinkEvidenceCore>;

/** The element's tag name. */
export const TAG: 'privatelink-prep';

/** Attributes that prefill and lock a field, and the request document field each one sets. */
export const LOCKABLE: Readonly<{
  cloud: 'cloud';
  region: 'region';
  'project-id': 'project_id';
  company: 'company';
  'connection-type': 'connection_type';
}>;

/** An attribute that prefills and locks a field. */
export type PrivateLinkLockableAttribute = keyof typeof LOCKABLE;

/** Every attribute the element reads. */
export interface PrivateLinkPrepAttributes {
  /** Prefills and locks the cloud: sent, shown read-only, not editable. A value the form cannot hold is ignored with a console warning. */
  cloud?: 'aws' | 'azure';
  /** Prefills and locks the region (e.g. "eu-west-1", "eastus"). */
  region?: string;
  /** Prefills and locks the Adobe Commerce project ID. */
  'project-id'?: string;
  /** Prefills and locks the company name. */
  company?: string;
  /** Prefills and locks the connection type. */
  'connection-type'?: 'unidirectional' | 'bidirectional';
  /** The colours: "light", "dark", or "auto" to follow the OS setting. Default "auto". */
  theme?: 'light' | 'dark' | 'auto';
  /** With an id, the form keeps a draft in localStorage under `privatelink-prep:draft:<id>`. */
  id?: string;
  /** "off": no draft, even with an id. */
  'save-draft'?: 'off';
}

/**
 * The CSS custom properties the element reads: set them on the element or any ancestor (e.g. to
 * match a portal's brand). Each has a default for light and dark; custom-elements.json lists them
 * with their defaults.
 */
export interface PrivateLinkPrepCssProperties {
  /** Primary buttons, links and the preview's rule. */
  '--plp-accent'?: string;
  /** Text on the primary button and on the customer's step badges. */
  '--plp-accent-fg'?: string;
  /** The form's background (the element paints its own box). */
  '--plp-bg'?: string;
  /** The form's text. */
  '--plp-fg'?: string;
  /** Secondary text: hints, notes, the loading status. */
  '--plp-muted'?: string;
  /** Background of rows, panels and the selected ticket tab. */
  '--plp-surface'?: string;
  /** Borders of text fields, selects and secondary buttons. */
  '--plp-border'?: string;
  /** Separating lines: rows, tabs, sections. */
  '--plp-rule'?: string;
  /** The focus outline. */
  '--plp-focus'?: string;
  /** Background of inline code. */
  '--plp-code-bg'?: string;
  /** Error messages, their marks, the error summary and the notice when the checker cannot start. */
  '--plp-error'?: string;
  /** Background of the notice when the checker cannot start. */
  '--plp-error-bg'?: string;
  /** Warning messages, their marks and the outline of placeholders in generated commands. */
  '--plp-warning'?: string;
  /** Background of the marked placeholders in generated commands. */
  '--plp-warning-bg'?: string;
  /** Informational messages and their marks. */
  '--plp-info'?: string;
  /** Background of a hovered button. */
  '--plp-info-bg'?: string;
  /** Corner radius of fields, rows, panels and the element's box. */
  '--plp-radius'?: string;
  /** The form's font family. */
  '--plp-font'?: string;
  /** The monospace font of tickets, commands and code. */
  '--plp-mono'?: string;
  /** Space inside the element's box. */
  '--plp-padding'?: string;
}

/** The plain-text and Markdown tickets of a valid request. */
export interface PrivateLinkTickets {
  text: Core.Ticket;
  markdown: Core.Ticket;
}

/** detail of `privatelink-change`: fired on every re-validation, the first when the checks join the form (none before the core has loaded). */
export interface PrivateLinkChangeDetail {
  report: Core.Report;
  /** The request checked, frozen (it is shared with the checker); `getRequest()` gives a copy to change. */
  request: Core.Request;
}

/** detail of `privatelink-ticket`: fired when a valid ticket is ready, and again when it changes. */
export interface PrivateLinkTicketDetail {
  /** The plain-text ticket (tickets.text). */
  ticket: Core.Ticket;
  tickets: PrivateLinkTickets;
  /** The request checked, frozen (it is shared with the checker); `getRequest()` gives a copy to change. */
  request: Core.Request;
}

export type PrivateLinkChangeEvent = CustomEvent<PrivateLinkChangeDetail>;
export type PrivateLinkTicketEvent = CustomEvent<PrivateLinkTicketDetail>;

export interface PrivateLinkPrepEventMap extends HTMLElementEventMap {
  'privatelink-change': PrivateLinkChangeEvent;
  'privatelink-ticket': PrivateLinkTicketEvent;
}

/**
 * <privatelink-prep>: the checker in an open shadow root. The form is there as soon as the element
 * is connected (typeable, with its draft and its attributes applied) while the WebAssembly core
 * loads; the checks join when it has loaded. Until then the form's own methods work (setValue,
 * getRequest) and those that need the core return null; `ready` says when they no longer do.
 */
export class PrivateLinkPrepElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves once the checks have joined the form: its stylesheets apply, the core has loaded and the form is checked (getReport, check and getTickets answer from then on, and privatelink-change has fired). Rejects when the core could not load: the element then shows why, with a Try again, and the form keeps what is typed (a later success checks the form; `ready` stays rejected). */
  readonly ready: Promise<void>;
  /** The core, once loaded (undefined until then). */
  api?: PrivateLinkCore;
  /** The request document the form sends now, as a copy of its own, also before the core has loaded (null before the element is connected). */
  getRequest(): Core.Request | null;
  /** The core's report on it (null until the checks have joined: see `ready`). */
  getReport(): Core.Report | null;
  /** The tickets when the request is valid, else null (also until the checks have joined). */
  getTickets(): PrivateLinkTickets | null;
  /** Sets a field by its document path (e.g. "ports[0].port"); false when there is no such field. Works as soon as the element is connected, before the core has loaded too (the value is checked when it has). */
  setValue(path: string, value: string | boolean | string[]): boolean;
  /** Like the Check button: shows every message and returns the report. Before the checks have joined it returns null, and every message shows as soon as they join. */
  check(): Core.Report | null;

  addEventListener<K extends keyof PrivateLinkPrepEventMap>(
    type: K,
    listener: (this: PrivateLinkPrepElement, ev: PrivateLinkPrepEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof PrivateLinkPrepEventMap>(
    type: K,
    listener: (this: PrivateLinkPrepElement, ev: PrivateLinkPrepEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'privatelink-prep': PrivateLinkPrepElement;
  }
  interface HTMLElementEventMap {
    'privatelink-change': PrivateLinkChangeEvent;
    'privatelink-ticket': PrivateLinkTicketEvent;
  }
}
