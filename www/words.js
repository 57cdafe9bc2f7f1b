// Cloud-dependent wording that the enablement form (www/app.js) and the change form
// (www/change-form.js) both show, in one place so that the two forms say the same thing.
// Field labels are not here: they come from the core (`labels(cloud)`, www/labels.js).

import { h } from './dom.js';

/** Adobe's AWS principal: the customer allows it on their endpoint services. */
const ADOBE_PRINCIPAL = 'arn:aws:iam::402592597372:root';

/** Hints of the account, endpoint service and principal fields, for `cloud`. */
export function cloudWords(cloud) {
  const azure = cloud === 'azure';
  return {
    accountWidth: azure ? 'plp-w-36' : 'plp-w-16',
    serviceNoun: azure ? 'Private Link service' : 'endpoint service',
    serviceHint: azure
      ? 'From the Private Link service’s overview in the Azure portal: the alias (…azure.privatelinkservice) or the resource ID (/subscriptions/…/privateLinkServices/…).'
      : 'From the VPC console, Endpoint services, Details: com.amazonaws.vpce.<region>.vpce-svc-… in the same region as your project.',
    // On Azure there is nothing to grant before the ticket: a note instead of the AWS checkbox.
    accessNote: 'Adobe’s access comes after the ticket: when Adobe names the Azure subscription it connects from, add it to this Private Link service’s visibility (and, if you choose, auto-approval), or approve Adobe’s pending connection.',
  };
}

/**
 * AWS: a "Copy Adobe's principal" button (the ARN the customer allows on an endpoint service),
 * with its own status line; null on Azure, which has no principal. `container()` gives the node
 * the clipboard fallback works in. `copy(text, container)` resolves to whether it copied.
 */
export function principalCopy(cloud, copy, container) {
  if (cloud === 'azure') return null;
  const status = h('span', { class: 'plp-copy-status plp-principal-status', role: 'status' });
  const button = h('button', {
    type: 'button', class: 'plp-button plp-secondary plp-copy-principal', 'data-action': 'copy-principal',
    on: {
      click: async () => {
        const ok = await copy(ADOBE_PRINCIPAL, container());
        status.classList.toggle('plp-status-error', !ok);
        status.textContent = ok ? `Copied ${ADOBE_PRINCIPAL}.` : 'Could not copy: select the principal above and copy it by hand.';
      },
    },
  }, 'Copy Adobe’s principal');
  return h('div', { class: 'plp-principal-copy' }, button, ' ', status);
}
