// The form's field labels come from the core (`labels(cloud)`, src/labels.rs): the same words
// the core's messages and help use, so the two cannot drift.
//
//   const label = fieldLabels(api, 'aws');
//   label('changes[2].to_account_id');   // "New AWS account ID"
//   label('ports[0]');                   // "Port 1"

const tables = new WeakMap(); // api -> { aws: Map, azure: Map }

/**
 * The label of a document path on `cloud`; `{n}` in a label becomes the position (from 1) of
 * the path's last list index. A path the core has no label for is returned as it is.
 * @param {{ labels?: (cloud: string) => Record<string, string> }} api
 * @param {string} cloud
 * @returns {(path: string) => string}
 */
export function fieldLabels(api, cloud) {
  const key = cloud === 'azure' ? 'azure' : 'aws';
  let byCloud = tables.get(api);
  if (!byCloud) tables.set(api, (byCloud = {}));
  if (!byCloud[key]) {
    let record = {};
    try {
      record = typeof api.labels === 'function' ? api.labels(key) : {};
    } catch {
      record = {};
    }
    byCloud[key] = new Map(Object.entries(record || {}));
  }
  const table = byCloud[key];
  return (path) => {
    const label = table.get(path.replace(/\[\d+\]/g, '[]'));
    if (label === undefined) return path;
    const last = /\[(\d+)\][^[]*$/.exec(path);
    return last ? label.replace('{n}', String(Number(last[1]) + 1)) : label;
  };
}
