/**
 * Builds the catalogue from the repository's content into a temporary folder
 * and serves it on 127.0.0.1 for the quality gates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumExecutable } from './browser.ts';
import { serve } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '../..');
  const work = mkdtempSync(path.join(tmpdir(), 'catalogue-site-'));
  const distDir = path.join(work, 'dist');
  const result = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CATALOGUE_OUT_DIR: distDir, CATALOGUE_CACHE_DIR: path.join(work, 'cache'), NO_COLOR: '1' },
  });
  if (result.status !== 0) throw new Error(`La construction du site a échoué :\n${result.stdout}\n${result.stderr}`);
  const chromium = await chromiumExecutable();
  console.log(`Contrôles dans Chromium : ${chromium.path} (${chromium.source})`);
  const { server, url } = await serve(distDir);
  project.provide('baseUrl', url);
  project.provide('distDir', distDir);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  };
}
