// The example host's own code: listens to the elements' events (they bubble and are composed, so
// the document sees them) and shows the latest in the sidebar, as a portal might.
const out = document.getElementById('portal-events');

document.addEventListener('privatelink-change', (event) => {
  const { report } = /** @type {CustomEvent} */ (event).detail;
  const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
  out.textContent = report.valid ? 'A form holds a valid request.' : `A form has ${errors} error${errors === 1 ? '' : 's'} to fix.`;
});

document.addEventListener('privatelink-ticket', (event) => {
  const { ticket } = /** @type {CustomEvent} */ (event).detail;
  out.textContent = `Ticket ready: ${ticket.subject}`;
});
