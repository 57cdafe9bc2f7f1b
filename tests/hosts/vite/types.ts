// The package's types, as a portal's TypeScript sees them (tsc --noEmit -p tests/hosts/vite).
import { load, PrivateLinkPrepElement, TAG, type PrivateLinkTicketEvent, type PrivateLinkPrepCssProperties } from 'privatelink-prep/element';
import { load as loadCore, type PrivateLinkCore, type Report } from 'privatelink-prep';

const el: PrivateLinkPrepElement = document.createElement(TAG);
el.addEventListener('privatelink-ticket', (e: PrivateLinkTicketEvent) => {
  const subject: string = e.detail.ticket.subject;
  console.log(subject, e.detail.tickets.markdown.body, e.detail.request);
});
const css: PrivateLinkPrepCssProperties = { '--plp-accent': 'teal' };
console.log(css);

async function run(): Promise<void> {
  const core: PrivateLinkCore = await loadCore();
  const report: Report = core.validate({ version: 1 });
  const same: PrivateLinkCore = await load();
  console.log(report.valid, same.version(), el.getReport()?.valid);
}
void run();
