// The <privatelink-prep> element's stylesheets. Here, from the sources: one <link> per file,
// found from this module's URL (a host CSP of style-src 'self' allows them). The npm package's
// bundle (scripts/package.mjs) swaps this module for one with the same CSS inlined and adopted as
// a constructed stylesheet: no request, nothing a style-src CSP governs, and no file to find
// whatever path or bundler serves the module.

const STYLESHEETS = ['style.css', 'work.css', 'element.css'];

/**
 * Styles for one element's shadow root: `nodes` to put in it, `ready` resolving once they apply
 * (also when one fails to load: the form still works unstyled).
 * @param {ShadowRoot} _root
 * @returns {{ nodes: Node[], ready: Promise<unknown> }}
 */
export function elementStyles(_root) {
  const nodes = STYLESHEETS.map((name) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(name, import.meta.url).href;
    return link;
  });
  return { nodes, ready: Promise.all(nodes.map(loaded)) };
}

/** Resolves when a <link rel="stylesheet"> has loaded or failed. */
function loaded(link) {
  return new Promise((resolve) => {
    if (link.sheet) {
      resolve();
      return;
    }
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
}
