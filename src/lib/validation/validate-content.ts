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
import { isNode, parseDocument } from 'yaml';
import { callSchema, type Call } from '../../schemas/call.ts';
import { laureateSchema, type LaureateData } from '../../schemas/laureate.ts';
import { relativeImagePath } from '../../schemas/common.ts';
import { pageSchema } from '../../schemas/page.ts';
import { PATTERNS, isIgnoredPath, slugFromPath, strayLaureateFile } from '../content-paths.ts';
import { crossEntryProblems, type LaureateEntry, type ParsedEntry } from './cross-entry.ts';
import type { Problem } from './problem.ts';
import { statSync } from 'node:fs';
import { checkImage } from '../image-limits.ts';
import { bodyWarnings, editorialLinkWarnings, emptyBodyErrors, laureateWarnings, marketMetricErrors, type LaureateForWarnings } from './warnings.ts';
import { validateWith } from './zod-issues.ts';

/** What an editor's image may be, read from its bytes (sharp's format names). */
const EDITOR_IMAGE_FORMATS = new Set(['png', 'jpeg', 'webp', 'avif', 'gif', 'tiff']);

export const laureateSchemaForValidation = laureateSchema(relativeImagePath);

/**
 * Active content an editor must not put in a markdown body: links to
 * javascript:/data:/vbscript: URLs, script-like HTML elements, event handlers.
 */
const ACTIVE_CONTENT: Array<[RegExp, string]> = [
  // (?<!\\) : a backslash-escaped character is plain text (the ingestion escapes applicants' text).
  [/(?<!\\)\]\(\s*<?\s*(javascript|vbscript|data):/i, 'lien vers une adresse « javascript: », « data: » ou « vbscript: »'],
  [/(?<!\\)<\s*(javascript|vbscript|data):/i, 'lien automatique vers une adresse « javascript: », « data: » ou « vbscript: »'],
  [/^\s*\[[^\]]+\]:\s*<?\s*(javascript|vbscript|data):/im, 'référence de lien vers une adresse « javascript: », « data: » ou « vbscript: »'],
  [/(?<!\\)<\s*(script|iframe|object|embed|style|form|base|meta|link)\b/i, 'élément HTML actif (script, iframe, object, style, form…)'],
  [/(?<!\\)<[a-z][^>]*\son[a-z]+\s*=/i, 'attribut HTML de gestion d’événement (onclick, onerror…)'],
];

export function activeContentProblems(file: string, body: string): Problem[] {
  return ACTIVE_CONTENT.filter(([re]) => re.test(body)).map(([, what]) => ({
    file,
    field: '(texte)',
    message: `contenu actif interdit dans le texte : ${what}`,
    hint: 'écrivez un lien en https:// ou supprimez ce code : le texte d’une fiche ne peut contenir ni script ni lien actif',
  }));
}

/**
 * YAML reads `2025-02-30` as a date and silently rolls it over to 2 March:
 * unquoted dates are checked on the raw text, with their line number (the raw
 * front matter starts with the newline that follows the opening `---`).
 */
export function impossibleDateProblems(file: string, rawFrontmatter: string): Problem[] {
  const problems: Problem[] = [];
  rawFrontmatter.split('\n').forEach((line, i) => {
    const m = /^\s*(-\s+)?([\w.]+):\s*(\d{4})-(\d{2})-(\d{2})\s*(#.*)?$/.exec(line);
    if (!m) return;
    const [year, month, day] = [Number(m[3]), Number(m[4]), Number(m[5])];
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (!valid) {
      problems.push({
        file,
        field: m[2]!,
        message: `date impossible (ligne ${i + 1} du fichier)`,
        expected: 'une date réelle au format AAAA-MM-JJ',
        received: `${m[3]}-${m[4]}-${m[5]}`,
        hint: 'vérifiez le jour et le mois',
      });
    }
  });
  return problems;
}

/**
 * Adds the line of each problem's field in the file (the raw front matter
 * starts with the newline that follows the opening `---`, which is line 1).
 */
export function withLines(problems: Problem[], rawFrontmatter: string): Problem[] {
  const locatable = (p: Problem) => !p.line && !!p.field && !p.field.startsWith('(');
  // The syntax tree is built only when a problem needs a line: a valid file is not parsed twice.
  if (!problems.some(locatable)) return problems;
  let doc: ReturnType<typeof parseDocument> | undefined;
  try {
    doc = parseDocument(rawFrontmatter);
  } catch {
    return problems;
  }
  const lineAt = (offset: number) => rawFrontmatter.slice(0, offset).split('\n').length;
  return problems.map((p) => {
    if (!locatable(p)) return p;
    const parts = p.field!.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    for (let n = parts.length; n > 0; n--) {
      const node = doc!.getIn(parts.slice(0, n), true);
      if (isNode(node) && node.range) return { ...p, line: lineAt(node.range[0]) };
    }
    return p;
  });
}

/**
 * The file line where a body starts: the body Astro hands back begins with
 * the line break that ends the closing `---`, so its first line is that one
 * (the raw front matter runs from the break after the opening `---` to the
 * break before the closing one).
 */
export const bodyStartLine = (rawFrontmatter: string) => rawFrontmatter.split('\n').length;

/** « À compléter » left by `npm run new` (front matter or text) must be replaced before publication. */
export function todoProblems(file: string, rawFrontmatter: string, body: string, bodyStartLine: number): Problem[] {
  const problems: Problem[] = [];
  rawFrontmatter.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?(?:([\w.]+):\s*)?["']?À compléter/.exec(line);
    if (m && !line.trimStart().startsWith('#')) {
      problems.push({ file, field: m[1] ?? '(liste)', line: i + 1, message: 'champ encore « À compléter »', hint: 'remplacez « À compléter » par la bonne valeur (voir le commentaire au-dessus du champ)' });
    }
  });
  const at = body.indexOf('À compléter');
  if (at >= 0) {
    problems.push({ file, field: '(texte)', line: bodyStartLine + body.slice(0, at).split('\n').length - 1, message: 'texte encore « À compléter »', hint: 'rédigez la description de la solution sous l’en-tête' });
  }
  return problems;
}

export interface ValidationResult {
  /** Errors and warnings (`severity: 'warning'`); only errors stop a build. */
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
): Promise<{ rel: string; frontmatter: unknown; body: string; raw: string } | Problem> {
  const abs = path.join(dir, file);
  const rel = path.relative(root, abs).replace(/\\/g, '/');
  const text = await readFile(abs, 'utf8');
  try {
    const { frontmatter, content, rawFrontmatter } = parseFrontmatter(text);
    return { rel, frontmatter, body: content, raw: rawFrontmatter };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = ((error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error))).split('\n')[0];
    // The raw front matter starts with the newline after the opening `---`, and js-yaml counts from 0.
    const where = typeof mark?.line === 'number' ? ` (ligne ${mark.line + 1} du fichier)` : '';
    return {
      file: rel,
      field: '',
      message: `en-tête YAML illisible${where} : ${reason}`,
      hint: 'vérifiez l’indentation, les deux-points et les guillemets de l’en-tête entre les lignes « --- »',
    };
  }
}

interface CollectionEntryText {
  /** Path relative to the collection folder. */
  file: string;
  /** Path relative to the project root, for messages. */
  rel: string;
  frontmatter: unknown;
  body: string;
  raw: string;
  /** YAML rolled an impossible date over (reported): the entry's data cannot be trusted. */
  badDates: boolean;
}

/**
 * Reads every entry of a collection. An unreadable front matter is a problem
 * and the entry is left out; every readable entry is checked for what any
 * entry must respect (dates that exist, no active content in its text).
 */
async function readCollection(root: string, dir: string, patterns: readonly string[], problems: Problem[]): Promise<CollectionEntryText[]> {
  const entries: CollectionEntryText[] = [];
  for (const file of await listFiles(dir, patterns)) {
    const entry = await readEntry(root, dir, file);
    if ('message' in entry) {
      problems.push(entry);
      continue;
    }
    const dates = impossibleDateProblems(entry.rel, entry.raw);
    problems.push(...dates, ...activeContentProblems(entry.rel, entry.body));
    entries.push({ file, ...entry, badDates: dates.length > 0 });
  }
  return entries;
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
  const forWarnings: Array<LaureateForWarnings & { body: string; bodyStartLine: number; raw: string }> = [];
  const pageBodies: Array<{ file: string; body: string; bodyStartLine: number }> = [];

  for (const entry of await readCollection(root, path.join(base, 'calls'), PATTERNS.calls, problems)) {
    const result = validateWith(entry.rel, callSchema, entry.frontmatter);
    if (result.ok) calls.push({ file: entry.rel, slug: slugFromPath(entry.file), data: result.data });
    else problems.push(...withLines(result.problems, entry.raw));
  }

  const laureateDir = path.join(base, 'laureates');
  for (const file of await listFiles(laureateDir, ['**/*'])) {
    const stray = statSync(path.join(laureateDir, file)).isFile() ? strayLaureateFile(file) : undefined;
    if (stray) problems.push({ file: path.relative(root, path.join(laureateDir, file)).replace(/\\/g, '/'), field: '(fichier)', ...stray });
  }
  for (const entry of await readCollection(root, laureateDir, PATTERNS.laureates, problems)) {
    const { file } = entry;
    const result = validateWith(entry.rel, laureateSchemaForValidation, entry.frontmatter);
    const schemaProblems = result.ok ? [] : withLines(result.problems, entry.raw);
    const flagged = new Set(schemaProblems.map((p) => p.line));
    problems.push(...schemaProblems, ...todoProblems(entry.rel, entry.raw, entry.body, bodyStartLine(entry.raw)).filter((p) => !flagged.has(p.line)));
    if (!result.ok || entry.badDates) continue;
    const data = result.data as LaureateData & { logo?: { src: string }; screenshots: { src: string }[] };
    const images: Array<[string, string]> = [
      ...(data.logo ? [['logo.src', data.logo.src] as [string, string]] : []),
      ...data.screenshots.map((s, i) => [`screenshots.${i}.src`, s.src] as [string, string]),
    ];
    const imageSizes: LaureateForWarnings['imageSizes'] = [];
    for (const [field, src] of images) {
      const abs = path.resolve(path.dirname(path.join(laureateDir, file)), src);
      if (!existsSync(abs)) {
        problems.push({
          file: entry.rel,
          field,
          message: `image introuvable : ${src}`,
          hint: 'placez l’image à côté de la fiche (ex. dans un dossier images/) et vérifiez le chemin et la casse',
        });
        continue;
      }
      const check = await checkImage(abs, EDITOR_IMAGE_FORMATS);
      if (!check.ok) {
        problems.push(...withLines([{ file: entry.rel, field, message: `${src} : ${check.message}`, expected: check.expected, received: check.found, hint: check.hint }], entry.raw));
        continue;
      }
      imageSizes.push({ field, bytes: statSync(abs).size, width: check.width });
    }
    problems.push(...emptyBodyErrors(entry.rel, entry.body));
    laureates.push({ file: entry.rel, slug: slugFromPath(file), folder: file.split('/')[0]!, data });
    forWarnings.push({ file: entry.rel, slug: slugFromPath(file), data, imageSizes, body: entry.body, bodyStartLine: bodyStartLine(entry.raw), raw: entry.raw });
  }

  const pageFiles = await readCollection(root, path.join(base, 'pages'), PATTERNS.pages, problems);
  for (const entry of pageFiles) {
    const result = validateWith(entry.rel, pageSchema, entry.frontmatter);
    if (!result.ok) problems.push(...withLines(result.problems, entry.raw));
    pageBodies.push({ file: entry.rel, body: entry.body, bodyStartLine: bodyStartLine(entry.raw) });
  }

  problems.push(...crossEntryProblems(calls, laureates));
  const marketCalls = new Set(calls.filter((c) => c.data.kind === 'solutions-marche').map((c) => c.slug));
  for (const l of forWarnings) {
    problems.push(...withLines([...marketMetricErrors(l, marketCalls), ...laureateWarnings(l, marketCalls)], l.raw), ...bodyWarnings(l.file, l.body, l.bodyStartLine));
  }
  for (const page of pageBodies) problems.push(...bodyWarnings(page.file, page.body, page.bodyStartLine));
  problems.push(...editorialLinkWarnings(pageBodies, laureates));
  return { problems, counts: { calls: calls.length, laureates: laureates.length, pages: pageFiles.length } };
}
