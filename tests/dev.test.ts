/**
 * The dev server never shows stale data: an edited fiche or call shows at
 * once in everything derived from them (the fiche, similar solutions, the
 * open data's figures, the calls in pages and navigation). The process-wide
 * caches of src/lib/data.ts stay correct because Vite re-evaluates the module
 * when astro:content changes; this test is what says so.
 * (The data files themselves, /donnees/*.json, are endpoints the dev server
 * does not serve under trailingSlash: 'always'; the build tests read them.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASTRO = path.join(ROOT, 'node_modules/.bin/astro');
const work = mkdtempSync(path.join(tmpdir(), 'catalogue-dev-'));
const content = path.join(work, 'content');
let server: ChildProcess | undefined;
let base = '';
let output = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function text(route: string): Promise<string> {
  const response = await fetch(base + route, { signal: AbortSignal.timeout(60_000) });
  expect(response.status, `${route}\n${output.slice(-2000)}`).toBe(200);
  return response.text();
}

/** Asks until the answer holds `expected` (the dev server reloads the content in the background). */
async function eventually(route: string, expected: string, timeoutMs = 60_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = await text(route);
    if (last.includes(expected)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${route} ne contient toujours pas « ${expected} » après ${timeoutMs / 1000} s`);
}

function edit(file: string, from: string, to: string): void {
  const source = readFileSync(file, 'utf8');
  expect(source).toContain(from);
  writeFileSync(file, source.replace(from, to));
}

/** The environment without vitest's own variables (NODE_ENV=test, VITEST…), which change how Vite's dev server starts. */
function outsideVitest(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'));
}

beforeAll(async () => {
  cpSync(path.join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(ASTRO, ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...outsideVitest(), CATALOGUE_CONTENT_DIR: content, CATALOGUE_CACHE_DIR: path.join(work, 'cache'), PUBLIC_SITE_URL: 'https://catalogue.example.gouv.fr', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const end = Date.now() + 180_000;
  let lastError = '';
  for (;;) {
    if (server.exitCode !== null) throw new Error(`astro dev s’est arrêté :\n${output}`);
    try {
      if ((await fetch(`${base}/`, { signal: AbortSignal.timeout(30_000) })).ok) break;
    } catch (error) {
      // Not listening yet.
      lastError = String((error as Error & { cause?: unknown }).cause ?? error);
    }
    if (Date.now() > end) throw new Error(`astro dev ne répond pas (${lastError}) :\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 240_000);

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('the dev server after an edit', () => {
  it('shows an edited fiche at once: its page, its similar solutions’ pages, the open data', async () => {
    const fiche = path.join(content, 'laureates/solutions-ia-2025/fixture-courrier.md');
    expect(await text('/solutions/fixture-inferis/')).toContain('Courrier clair');
    expect(await text('/donnees/')).toContain('compte aujourd’hui 3 lauréats publiés');
    edit(fiche, 'name: "Courrier clair"', 'name: "Courrier limpide"');
    await eventually('/solutions/fixture-courrier/', 'Courrier limpide');
    // « Solutions similaires » are derived from every fiche: they follow.
    expect(await eventually('/solutions/fixture-inferis/', 'Courrier limpide')).not.toContain('Courrier clair');
    // The open-data records are derived from the published fiches: withdrawing one changes them.
    edit(fiche, 'name: "Courrier limpide"', 'name: "Courrier limpide"\npublished: false');
    await eventually('/donnees/', 'compte aujourd’hui 2 lauréats publiés');
  });

  it('shows an edited call at once on its laureates’ pages and in the navigation', async () => {
    const title = 'Appel à manifestation d’intérêt « Solutions d’IA pour le public »';
    expect(await text('/solutions/fixture-inferis/')).toContain(title);
    edit(path.join(content, 'calls/solutions-ia-2025.md'), `title: ${title}`, 'title: Appel « Solutions d’IA pour le public », édition révisée');
    expect(await eventually('/solutions/fixture-inferis/', 'édition révisée')).not.toContain(title);
    await eventually('/', 'édition révisée');
  });
});
