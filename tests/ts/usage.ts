// Type-checks the generated declarations (www/pkg/privatelink_prep.d.ts) the way a portal's code
// would use them: `tsc --noEmit -p tests/ts`. Never run; compiled only.
import init, {
  validate,
  renderTicket,
  rules,
  regions,
  labels,
  version,
  type Diagnostic,
  type FieldLabels,
  type InvalidRequestError,
  type Report,
  type Request,
  type RegionInfo,
  type Rule,
  type Severity,
  type Ticket,
  type TicketFormat,
  type EnablementTicketDocument,
  type ChangeTicketDocument,
  type TicketChange,
} from '../../www/pkg/privatelink_prep.js';

export async function example(): Promise<string> {
  await init();
  await init({ module_or_path: new URL('../../www/pkg/privatelink_prep_bg.wasm', import.meta.url) });

  const request: Request = {
    version: 1,
    kind: 'enablement',
    company: 'Example Ltd',
    cloud: 'aws',
    region: 'eu-west-1',
    account_id: '123456789012',
    project_id: 'yw1unoukjcawe',
    plan: 'pro',
    environments: ['production', 'staging'],
    connection_type: 'unidirectional',
    ports: [{ service: 'SFTP', port: '2222', protocol: 'tcp' }],
  };

  const report: Report = validate(request);
  const valid: boolean = report.valid;
  const lines = report.diagnostics.map((d: Diagnostic) => {
    const severity: Severity = d.severity;
    const suggestion: string | undefined = d.suggestion;
    const choices: string[] = d.suggestions ?? (suggestion === undefined ? [] : [suggestion]);
    const rows: string[] = d.split ?? [];
    return `${severity} ${d.code} ${d.field}: ${d.message} (${d.help}) ${choices.join(' or ')}${rows.length ? ` split into ${rows.join(', ')}` : ''}`;
  });

  const formats: TicketFormat[] = ['text', 'markdown', 'json'];
  const tickets: Ticket[] = [];
  for (const format of formats) {
    try {
      tickets.push(renderTicket(request, format));
    } catch (err) {
      const invalid = err as InvalidRequestError;
      const errors: number = invalid.report.diagnostics.filter((d) => d.severity === 'error').length;
      lines.push(`${invalid.message}: ${errors}`);
    }
  }
  const subject: string = tickets[0]?.subject ?? '';
  const body: string = tickets[0]?.body ?? '';

  // The JSON ticket carries both bodies beside the normalised request.
  const doc = JSON.parse(renderTicket(request, 'json').body) as EnablementTicketDocument;
  const posted: string = `${doc.subject}\n${doc.body}\n${doc.markdown}`;
  const principals = (doc.request.endpoint_services ?? []).map((s) => s.principal ?? 'none on Azure');
  const change = JSON.parse('{}') as ChangeTicketDocument;
  const envs = change.request.changes.map((c: TicketChange) =>
    c.action === 'open_ports' || c.action === 'close_ports' ? `${c.name ?? "Adobe's side"} ${(c.environments ?? []).join()}` : c.summary);
  // @ts-expect-error: the endpoint to Adobe's service is never claimed in a ticket
  const claimed: boolean = doc.request.prerequisites?.interface_endpoint;

  const catalogue: Rule[] = rules();
  const templates: string[] = catalogue.flatMap((r) => r.messages);
  const fieldLabels: FieldLabels = labels('azure');
  const account: string | undefined = fieldLabels['changes[].to_account_id'];
  lines.push(`${templates.length} ${account ?? ''}`);
  const titles = catalogue.map((r) => `${r.code} ${r.severity} ${r.field} ${r.title} ${r.help} ${r.source}`);
  const aws: RegionInfo[] = regions('aws');
  const restricted: string[] = regions('azure').filter((r) => r.restricted).map((r) => `${r.code} ${r.name}`);
  const v: string = version();

  // @ts-expect-error: 'html' is not a ticket format
  renderTicket(request, 'html');
  // @ts-expect-error: a report's valid flag is a boolean
  const notString: string = report.valid;
  // @ts-expect-error: severities are error, warning and info
  const badSeverity: Severity = 'fatal';
  // @ts-expect-error: rules() takes no argument
  rules('aws');

  return [valid, ...lines, posted, ...principals, ...envs, claimed, subject, body, ...titles, aws.length, ...restricted, v, notString, badSeverity].join('\n');
}
