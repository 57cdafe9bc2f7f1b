// Served under a sub-path, as a portal would: the element must find its .wasm from there.
export default {
  base: '/portal/app/',
  logLevel: 'warn',
  build: { emptyOutDir: true },
};
