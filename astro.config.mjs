// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import catalogue from './src/integrations/catalogue.ts';

/** Public base URL of the catalogue: configuration, not code. */
const site = process.env.PUBLIC_SITE_URL ?? 'https://catalogue-ia.numerique.gouv.fr';

export default defineConfig({
  site,
  outDir: process.env.CATALOGUE_OUT_DIR ?? './dist',
  // Lets tests build a fixture content set without touching the main build's cache.
  ...(process.env.CATALOGUE_CACHE_DIR ? { cacheDir: process.env.CATALOGUE_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [catalogue(), mdx()],
  markdown: {
    // Plain CommonMark: no GFM autolink literals (an applicant's URL or e-mail
    // in a description must not become a live link: see src/ingest/sanitise.ts)
    // and no smart punctuation (applicants' text is published as typed).
    processor: satteri({ features: { gfm: false, smartPunctuation: false } }),
  },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
});
