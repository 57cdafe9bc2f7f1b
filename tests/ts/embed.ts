// Type-checks the portal-facing API (www/privatelink-prep.d.ts) the way a portal's code would use
// it: `tsc --noEmit -p tests/ts`. Never run; compiled only.
import {
  load,
  PrivateLinkPrepElement,
  TAG,
  LOCKABLE,
  type PrivateLinkCore,
  type PrivateLinkChangeDetail,
  type PrivateLinkTicketDetail,
  type PrivateLinkPrepAttributes,
  type PrivateLinkLockableAttribute,
  type PrivateLinkTickets,
  type Report,
  type Request,
  type Ticket,
  type Guide,
  loadEvidence,
  type PrivateLinkEvidenceCore,
  type EvidenceCommand,
  type EvidenceEntry,
  type EvidenceFields,
  type EvidenceReading,
  type EvidenceTarget,
} from '../../www/privatelink-prep.js';

export async function portal(host: HTMLElement): Promise<string[]> {
  const lines: string[] = [];

  // The same core the page uses, loaded once.
  const core: PrivateLinkCore = await load();
  const request: Request = { version: 1, company: 'Example Ltd', cloud: 'aws' };
  const report: Report = core.validate(request);
  lines.push(String(report.valid), core.version(), String(core.rules().length), String(core.regions('aws').length));
  if (report.valid) {
    const ticket: Ticket = core.renderTicket(request, 'markdown');
    const guide: Guide = core.guideData(request);
    lines.push(ticket.subject, guide.title, core.guide(request, 'text'));
  }

  // The element, created and typed through the tag name map.
  const el = document.createElement('privatelink-prep');
  const same: PrivateLinkPrepElement = el;
  const tag: 'privatelink-prep' = TAG;
  const attrs: PrivateLinkPrepAttributes = { cloud: 'azure', region: 'eastus', 'project-id': 'abc', theme: 'dark', id: 'plp' };
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  const lockable: PrivateLinkLockableAttribute[] = ['cloud', 'region', 'project-id', 'company', 'connection-type'];
  const field: 'project_id' = LOCKABLE['project-id'];
  host.append(el);
  await el.ready;

  el.addEventListener('privatelink-change', (event) => {
    const detail: PrivateLinkChangeDetail = event.detail;
    const errors: number = detail.report.diagnostics.filter((d) => d.severity === 'error').length;
    lines.push(`${errors} errors in ${JSON.stringify(detail.request)}`);
  });
  el.addEventListener('privatelink-ticket', (event) => {
    const detail: PrivateLinkTicketDetail = event.detail;
    const both: PrivateLinkTickets = detail.tickets;
    lines.push(detail.ticket.subject, detail.ticket.body, both.markdown.body);
  });
  // Bubbling and composed: a portal can listen on any ancestor.
  host.addEventListener('privatelink-ticket', (event) => lines.push(event.detail.ticket.subject));

  const found = document.querySelector('privatelink-prep');
  if (found) {
    const changed: boolean = found.setValue('account_id', '123456789012');
    const current: Report | null = found.check();
    const tickets: PrivateLinkTickets | null = found.getTickets();
    const sent: Request | null = found.getRequest();
    lines.push(String(changed), String(current?.valid), tickets?.text.subject ?? '', JSON.stringify(sent));
  }

  // @ts-expect-error: the change event's detail has no ticket
  el.addEventListener('privatelink-change', (event) => lines.push(event.detail.ticket.subject));
  // @ts-expect-error: theme is light, dark or auto
  const badTheme: PrivateLinkPrepAttributes = { theme: 'blue' };
  // @ts-expect-error: plan is not a lockable attribute
  const badLock: PrivateLinkLockableAttribute = 'plan';
  // @ts-expect-error: setValue takes a path and a value
  el.setValue('company');

  lines.push(String(same === el), tag, ...lockable, field, JSON.stringify(badTheme), badLock);
  return lines;
}

// Evidence (issue 14): the second module, its exports and the document's evidence fields.
export async function evidence(output: string): Promise<string[]> {
  const core: PrivateLinkEvidenceCore = await loadEvidence();
  const entry: EvidenceEntry = { source: 'aws sts get-caller-identity', output: JSON.parse(output) };
  const fields: EvidenceFields = { evidence: [entry], endpoint_services: [{ name: 'svc', evidence: [{ output: {} }] }] };
  const request: Request = { version: 1, cloud: 'aws', account_id: '', ...fields };
  const commands: EvidenceCommand[] = core.evidenceCommands(request);
  const at: EvidenceTarget = 'endpoint_services[0]';
  const read: EvidenceReading = core.evidenceRead(request, '', output);
  const lines = commands.filter((c) => c.attachTo === '').map((c) => `${c.kind}: ${c.command} (${c.purpose})`);
  if (read.recognised) lines.push(read.recognised.kind, read.recognised.command);
  for (const f of read.facts) lines.push(`${f.label}: ${f.value}`);
  for (const f of read.fills) lines.push(`${f.field} = ${JSON.stringify(f.value)}`);
  lines.push(...read.diagnostics.map((d) => d.message), String(core.validate(request).valid));
  // @ts-expect-error: an entry needs its output
  const noOutput: EvidenceEntry = { source: 'x' };
  // @ts-expect-error: evidence attaches to the request or to an endpoint service
  core.evidenceRead(request, 0, output);
  lines.push(JSON.stringify(noOutput), core.evidenceRead(request, at, output).fills.map((f) => f.field).join());
  return lines;
}
