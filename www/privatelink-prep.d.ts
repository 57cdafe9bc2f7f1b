// Types of the portal-facing API (www/privatelink-prep.js, which re-exports www/element.js):
// the <privatelink-prep> element, its attributes and events, and load(), which returns the
// initialised core whose own types come from the generated www/pkg/privatelink_prep.d.ts.

import type * as Core from './pkg/privatelink_prep.js';

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

/** The initialised core: validate, renderTicket, rules, regions, guide, guideData, version, ... */
export type PrivateLinkCore = typeof Core;

/**
 * Loads the WebAssembly core once per page (every element and every caller share it) and resolves
 * to the initialised module. A failed load rejects, and a later call tries again.
 */
export function load(): Promise<PrivateLinkCore>;

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
  cloud?: 'aws' | 'azure';
  region?: string;
  'project-id'?: string;
  company?: string;
  'connection-type'?: 'unidirectional' | 'bidirectional';
  /** Default "auto": follow the OS's light or dark setting. */
  theme?: 'light' | 'dark' | 'auto';
  /** With an id, the form keeps a draft in localStorage under `privatelink-prep:draft:<id>`. */
  id?: string;
  /** "off": no draft, even with an id. */
  'save-draft'?: 'off';
}

/** The plain-text and Markdown tickets of a valid request. */
export interface PrivateLinkTickets {
  text: Core.Ticket;
  markdown: Core.Ticket;
}

/** detail of `privatelink-change`: fired on every re-validation. */
export interface PrivateLinkChangeDetail {
  report: Core.Report;
  request: Core.Request;
}

/** detail of `privatelink-ticket`: fired when a valid ticket is ready, and again when it changes. */
export interface PrivateLinkTicketDetail {
  /** The plain-text ticket (tickets.text). */
  ticket: Core.Ticket;
  tickets: PrivateLinkTickets;
  request: Core.Request;
}

export type PrivateLinkChangeEvent = CustomEvent<PrivateLinkChangeDetail>;
export type PrivateLinkTicketEvent = CustomEvent<PrivateLinkTicketDetail>;

export interface PrivateLinkPrepEventMap extends HTMLElementEventMap {
  'privatelink-change': PrivateLinkChangeEvent;
  'privatelink-ticket': PrivateLinkTicketEvent;
}

/** <privatelink-prep>: the checker in an open shadow root. */
export class PrivateLinkPrepElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves when the form is on screen; rejects when the core could not load. */
  readonly ready: Promise<void>;
  /** The core, once loaded. */
  api?: PrivateLinkCore;
  /** The request document the form sends now (null before `ready`). */
  getRequest(): Core.Request | null;
  /** The core's report on it (null before `ready`). */
  getReport(): Core.Report | null;
  /** The tickets when the request is valid, else null. */
  getTickets(): PrivateLinkTickets | null;
  /** Sets a field by its document path (e.g. "ports[0].port"); false when there is no such field. */
  setValue(path: string, value: string | boolean | string[]): boolean;
  /** Like the Check button: shows every message and returns the report (null before `ready`). */
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
