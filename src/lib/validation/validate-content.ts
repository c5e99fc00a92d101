/**
 * Validates the whole content folder without Astro: the same schemas as the
 * collections, every problem of every file at once, then the cross-entry
 * checks. Used before every build (src/integrations/catalogue.ts) and by tests.
 */
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { parseFrontmatter } from 'astro/markdown';
import { callSchema, type Call } from '../../schemas/call.ts';
import { laureateSchema, type LaureateData } from '../../schemas/laureate.ts';
import { pageSchema } from '../../schemas/page.ts';
import { PATTERNS, isIgnoredPath, slugFromPath } from '../content-paths.ts';
import { crossEntryProblems, type LaureateEntry, type ParsedEntry } from './cross-entry.ts';
import type { Problem } from './problem.ts';
import { validateWith } from './zod-issues.ts';

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|avif|gif|tiff?)$/i;

/** Outside Astro, an image field is a path to a raster file next to the entry. */
const imagePath = () =>
  z
    .string()
    .min(1)
    .regex(/^\.{1,2}\//, 'chemin relatif attendu (ex. « ./images/logo.png »)')
    .regex(IMAGE_EXTENSIONS, 'format d’image non pris en charge (attendu : png, jpg, webp ou avif)');

export const laureateSchemaForValidation = laureateSchema(imagePath);

export interface ValidationResult {
  problems: Problem[];
  counts: { calls: number; laureates: number; pages: number };
}

async function listFiles(dir: string, patterns: readonly string[]): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const include = patterns.filter((p) => !p.startsWith('!'));
  const files: string[] = [];
  for await (const f of glob(include, { cwd: dir })) {
    const rel = f.replace(/\\/g, '/');
    if (!isIgnoredPath(rel)) files.push(rel);
  }
  return files.sort();
}

async function readEntry(
  root: string,
  dir: string,
  file: string,
): Promise<{ rel: string; frontmatter: unknown; body: string } | Problem> {
  const abs = path.join(dir, file);
  const rel = path.relative(root, abs).replace(/\\/g, '/');
  const text = await readFile(abs, 'utf8');
  try {
    const { frontmatter, content } = parseFrontmatter(text);
    return { rel, frontmatter, body: content };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error))).split('\n')[0];
    // js-yaml counts lines from 0 inside the front matter; the file has the opening `---` first.
    const where = typeof mark?.line === 'number' ? ` (ligne ${mark.line + 2} du fichier)` : '';
    return {
      file: rel,
      field: '',
      message: `en-tête YAML illisible${where} : ${reason}`,
      hint: 'vérifiez l’indentation, les deux-points et les guillemets de l’en-tête entre les lignes « --- »',
    };
  }
}

/**
 * @param root project root (paths in messages are relative to it)
 * @param contentDir the content folder (relative to root or absolute)
 */
export async function validateContent(root: string, contentDir: string): Promise<ValidationResult> {
  const base = path.resolve(root, contentDir);
  const problems: Problem[] = [];
  const calls: ParsedEntry<Call>[] = [];
  const laureates: LaureateEntry[] = [];

  const callDir = path.join(base, 'calls');
  for (const file of await listFiles(callDir, PATTERNS.calls)) {
    const entry = await readEntry(root, callDir, file);
    if ('message' in entry) { problems.push(entry); continue; }
    const result = validateWith(entry.rel, callSchema, entry.frontmatter);
    if (result.ok) calls.push({ file: entry.rel, slug: slugFromPath(file), data: result.data });
    else problems.push(...result.problems);
  }

  const laureateDir = path.join(base, 'laureates');
  for (const file of await listFiles(laureateDir, PATTERNS.laureates)) {
    const entry = await readEntry(root, laureateDir, file);
    if ('message' in entry) { problems.push(entry); continue; }
    const result = validateWith(entry.rel, laureateSchemaForValidation, entry.frontmatter);
    if (!result.ok) { problems.push(...result.problems); continue; }
    const data = result.data as LaureateData & { logo?: { src: string }; screenshots: { src: string }[] };
    const images: Array<[string, string]> = [
      ...(data.logo ? [['logo.src', data.logo.src] as [string, string]] : []),
      ...data.screenshots.map((s, i) => [`screenshots.${i}.src`, s.src] as [string, string]),
    ];
    for (const [field, src] of images) {
      if (!existsSync(path.resolve(path.dirname(path.join(laureateDir, file)), src))) {
        problems.push({
          file: entry.rel,
          field,
          message: `image introuvable : ${src}`,
          hint: 'placez l’image à côté de la fiche (ex. dans un dossier images/) et vérifiez le chemin et la casse',
        });
      }
    }
    if (entry.body.trim().length === 0) {
      problems.push({
        file: entry.rel,
        field: '',
        message: 'la description de la solution (texte sous l’en-tête) est vide',
        hint: 'décrivez la solution sous la deuxième ligne « --- » : ce qu’elle fait, pour qui, dans quel contexte',
      });
    }
    laureates.push({ file: entry.rel, slug: slugFromPath(file), folder: file.split('/')[0]!, data });
  }

  const pageDir = path.join(base, 'pages');
  const pageFiles = await listFiles(pageDir, PATTERNS.pages);
  for (const file of pageFiles) {
    const entry = await readEntry(root, pageDir, file);
    if ('message' in entry) { problems.push(entry); continue; }
    const result = validateWith(entry.rel, pageSchema, entry.frontmatter);
    if (!result.ok) problems.push(...result.problems);
  }

  problems.push(...crossEntryProblems(calls, laureates));
  return { problems, counts: { calls: calls.length, laureates: laureates.length, pages: pageFiles.length } };
}
