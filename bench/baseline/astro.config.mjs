// @ts-check
/**
 * The bare Astro 7 baseline of `npm run bench`: N markdown pages, one route,
 * no integration. Content, output and cache folders come from the bench.
 */
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://exemple.invalid',
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  ...(process.env.BENCH_CACHE_DIR ? { cacheDir: process.env.BENCH_CACHE_DIR } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
