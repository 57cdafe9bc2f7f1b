// The portal's own code: the element from the npm package, as a bundler user imports it.
import { TAG } from 'privatelink-prep/element';
import './portal.css';

const el = document.querySelector(TAG);
el.addEventListener('privatelink-ticket', (e) => {
  document.getElementById('portal-events').textContent = `Ticket ready: ${e.detail.ticket.subject}`;
});
