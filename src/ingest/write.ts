/**
 * Writes laureate files without ever losing an editor's work. A manifest
 * (content/laureates/<call>/.ingestion.json) remembers the hash of every file
 * the ingestion last wrote:
 * - a file nobody edited since is updated;
 * - a file an editor changed is never overwritten: the new version goes beside
 *   it as `_<slug>.ingestion.md` (ignored by the site) and a conflict is reported;
 * - a dossier that is no longer a laureate is never deleted: unpublished if unedited;
 * - running twice with the same inputs changes nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { frontMatterYaml } from './front-matter.ts';

export const MANIFEST_NAME = '.ingestion.json';

export interface ManifestEntry {
  slug: string;
  /** sha256 of the markdown file as the ingestion last wrote it. */
  hash: string;
  /** Images and documents written for this dossier (path relative to the project root → sha256). */
  files: Record<string, string>;
}

export interface Manifest {
  version: 1;
  call: string;
  dossiers: Record<string, ManifestEntry>;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function readManifest(dir: string, call: string): Manifest {
  const file = path.join(dir, MANIFEST_NAME);
  if (!existsSync(file)) return { version: 1, call, dossiers: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Writes through a temporary file so that an interrupted run never leaves half a file. */
export function writeAtomic(file: string, data: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/**
 * Queues atomic writes and runs them a few at a time, so that thousands of
 * files do not wait on the disk one after the other. `flush()` before reading
 * any of them back.
 */
export function createWriter(concurrency = 32) {
  const pending = new Set<Promise<void>>();
  const dirs = new Set<string>();
  const write = async (file: string, data: string | Buffer) => {
    const dir = path.dirname(file);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, file);
  };
  return {
    async write(file: string, data: string | Buffer): Promise<void> {
      const job = write(file, data).finally(() => pending.delete(job));
      pending.add(job);
      if (pending.size >= concurrency) await Promise.race(pending);
    },
    async flush(): Promise<void> {
      await Promise.all(pending);
    },
  };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  const sorted = Object.fromEntries(Object.entries(manifest.dossiers).sort(([a], [b]) => a.localeCompare(b)));
  writeAtomic(path.join(dir, MANIFEST_NAME), `${JSON.stringify({ ...manifest, dossiers: sorted }, null, 2)}\n`);
}

const HEADER = '# Fiche créée par l’ingestion des résultats de la sélection (npm run ingest).\n# Vous pouvez la modifier : une ingestion suivante ne l’écrasera pas.\n';

export function laureateMarkdown(data: Record<string, unknown>, body: string): string {
  const yaml = frontMatterYaml(data);
  return `---\n${HEADER}${yaml}---\n\n${body}\n`;
}

/** Rewrites the `published` flag of a laureate file (with the reason when it is withdrawn), keeping everything else. */
export function withPublished(markdown: string, published: boolean, reason?: string): string {
  const { frontmatter, content } = parseFrontmatter(markdown);
  const { unpublishedReason: _previous, ...rest } = frontmatter as Record<string, unknown>;
  // The reason goes right after the flag, where an editor looks.
  const data = Object.fromEntries(Object.entries({ ...rest, published }).flatMap(([k, v]) => (k === 'published' && !published && reason ? [[k, v], ['unpublishedReason', reason]] : [[k, v]])));
  return laureateMarkdown(data, content.replace(/^\n+/, '').replace(/\n+$/, ''));
}

export { slugify } from '../lib/slug.ts';

/** What to do with a fiche the ingestion produced, given what is on disk and what it last wrote. */
export type WriteDecision =
  | { kind: 'created' }
  | { kind: 'updated' }
  | { kind: 'unchanged' }
  /** Never overwrite: the new version goes beside it (`review`), or nowhere when the editor deleted the fiche. */
  | { kind: 'conflict'; review: boolean; reason: string };

/**
 * The rule that never loses an editor's work, as a pure function:
 * @param current the fiche on disk, undefined when there is none
 * @param lastWritten the hash the manifest remembers, undefined for a dossier never ingested
 */
export function resolveWrite(next: string, current: string | undefined, lastWritten: string | undefined): WriteDecision {
  if (current === undefined) {
    return lastWritten === undefined ? { kind: 'created' } : { kind: 'conflict', review: false, reason: 'fiche supprimée par un éditeur : non recréée' };
  }
  if (current === next) return { kind: 'unchanged' };
  if (lastWritten !== undefined && sha256(current) === lastWritten) return { kind: 'updated' };
  return {
    kind: 'conflict',
    review: true,
    reason: lastWritten !== undefined ? 'fiche modifiée par un éditeur depuis la dernière ingestion' : 'une fiche de ce nom existe déjà et ne vient pas de l’ingestion',
  };
}
