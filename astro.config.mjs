// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import catalogue from './src/integrations/catalogue.ts';
import { SCHEME_SCRIPT_HASH } from './src/lib/scheme-script.ts';
import { MAX_IMAGE_PIXELS } from './src/lib/image-limits.ts';
import { isListedPath } from './src/lib/site.ts';

/** Public base URL of the catalogue: configuration, not code. */
const site = process.env.PUBLIC_SITE_URL ?? 'https://catalogue-ia.numerique.gouv.fr';

export default defineConfig({
  site,
  outDir: process.env.CATALOGUE_OUT_DIR ?? './dist',
  // Lets tests build a fixture content set without touching the main build's cache.
  ...(process.env.CATALOGUE_CACHE_DIR ? { cacheDir: process.env.CATALOGUE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Astro's sharp service that never publishes an image it could not optimise, with the validator's pixel bound.
  image: { service: { entrypoint: './src/lib/image-service.ts', config: { limitInputPixels: MAX_IMAGE_PIXELS } } },
  build: { format: 'directory' },
  integrations: [
    catalogue(),
    mdx(),
    // sitemap-index.xml for search engines: every page but the 404 and /admin/ (robots.txt points to it).
    sitemap({ filter: (page) => isListedPath(new URL(page).pathname) }),
  ],
  markdown: {
    // No code highlighting: Shiki's inline styles would need 'unsafe-inline' in the CSP.
    syntaxHighlight: false,
    // Plain CommonMark: no GFM autolink literals (an applicant's URL or e-mail
    // in a description must not become a live link: see src/ingest/sanitise.ts)
    // and no smart punctuation (applicants' text is published as typed).
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  security: {
    // Content-Security-Policy as a <meta> on every page: only the site's own
    // resources; Astro hashes the inline scripts and styles it emits.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search engine; it does not allow eval().
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [SCHEME_SCRIPT_HASH] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Front-matter completion and checks in VS Code (Astro extension), from the collections' schemas.
  experimental: { contentIntellisense: true },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
