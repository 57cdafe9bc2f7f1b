// Cloud-dependent wording that the enablement form (www/app.js) and the change form
// (www/change-form.js) both show, in one place so that the two forms say the same thing.

/**
 * Hints and widths of the account and endpoint service fields, for `cloud`. Their labels come
 * from the core (www/labels.js), as the messages that name them do.
 */
export function cloudWords(cloud) {
  const azure = cloud === 'azure';
  return {
    account: azure ? 'Azure subscription ID' : 'AWS account ID',
    accountWidth: azure ? 'plp-w-36' : 'plp-w-16',
    serviceHint: azure
      ? 'From the Private Link service’s overview in the Azure portal: the alias (…azure.privatelinkservice) or the resource ID (/subscriptions/…/privateLinkServices/…).'
      : 'From the VPC console, Endpoint services, Details: com.amazonaws.vpce.<region>.vpce-svc-… in the same region as your project.',
  };
}
