/** Decap CMS's locale files (ESM, untyped): nested phrase tables. Read by the tests of src/lib/cms/locale-fr.ts. */
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
