// The portal-facing entry: importing it defines <privatelink-prep> and gives a portal's own code
// the same core the page uses. Types: www/privatelink-prep.d.ts.
//
//   import { load, PrivateLinkPrepElement } from './www/privatelink-prep.js';
//   const core = await load();
//   core.validate(request);
export { load, PrivateLinkPrepElement, TAG, LOCKABLE } from './element.js';
// The evidence module (issue 14), for a portal's own code; the form loads it on first use.
export { loadEvidence } from './evidence.js';
