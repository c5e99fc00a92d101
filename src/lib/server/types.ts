/**
 * The content type of each kind of file the site publishes, by extension: one table for nginx's
 * `types` block (./nginx.ts) and the tests' static server (tests/e2e/serve.ts). Text types carry
 * their charset (the site writes UTF-8 only).
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  // Pagefind's index files: compressed binary chunks its script fetches and decodes.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
};

/** A file with another extension is served as bytes. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export const contentTypeOf = (file: string): string => CONTENT_TYPES[file.slice(file.lastIndexOf('.')).toLowerCase()] ?? DEFAULT_CONTENT_TYPE;

/** Text files worth compressing ahead of time (.br and .gz beside them), by extension. */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.jsonld', '.webmanifest', '.xml', '.txt', '.csv', '.svg', '.wasm', '.ico']);
