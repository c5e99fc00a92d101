/**
 * Hostile content must fail loudly: each broken laureate file of
 * tests/fixtures/hostile/ stops the real build with the exact friendly
 * message (file, field, what is expected, how to fix it), and a failed
 * `npm run build` leaves the published dist/ as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOSTILE = path.join(ROOT, 'tests/fixtures/hostile');
const work = mkdtempSync(path.join(tmpdir(), 'catalogue-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contentWith(name: string, destination: string): string {
  const content = path.join(work, name, 'content');
  cpSync(path.join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  writeFileSync(path.join(content, destination), readFileSync(path.join(HOSTILE, name)));
  return content;
}

function astroBuild(content: string, outDir: string) {
  return spawnSync(path.join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CATALOGUE_CONTENT_DIR: content, CATALOGUE_OUT_DIR: outDir, CATALOGUE_CACHE_DIR: path.join(outDir, '..', 'cache'), NO_COLOR: '1' },
  });
}

const F = 'laureates/solutions-ia-2025/hostile.md';
const CASES: Array<[string, string, string[]]> = [
  ['missing-required-field.md', F, [
    '✗ name : champ obligatoire manquant (Nom de la solution ou du projet)',
    'attendu : un texte',
    'correction : ajoutez « name: … » dans l’en-tête du fichier',
  ]],
  ['unknown-category.md', F, [
    '✗ ligne 6 · category : valeur « logiciels » inconnue (Catégorie de l’appel 2025)',
    'attendu : une de ces valeurs : solutions-applicatives, briques-technologiques',
  ]],
  ['thematics-without-category.md', F, [
    '✗ category : des thématiques sont indiquées sans catégorie',
  ]],
  ['invalid-url.md', F, [
    '✗ ligne 12 · submitter.website : adresse web invalide (attendu : https://…) (Site web de la structure)',
    'trouvé : « www.exemple.fr »',
  ]],
  ['javascript-link.md', F, [
    '✗ (texte) : contenu actif interdit dans le texte : lien vers une adresse « javascript: », « data: » ou « vbscript: »',
    'correction : écrivez un lien en https:// ou supprimez ce code',
  ]],
  ['negative-metric.md', F, [
    '✗ ligne 40 · metrics.0.before : une valeur d’indicateur ne peut pas être négative (Valeur avant la mise en place de la solution)',
    'attendu : un nombre ≥ 0',
    'trouvé : -3',
  ]],
  ['non-numeric-metric.md', F, [
    '✗ ligne 40 · metrics.0.after : type de valeur incorrect (Valeur après la mise en place de la solution)',
    'attendu : un nombre',
    'trouvé : un texte : « douze euros »',
    'correction : écrivez le nombre sans unité ni espace, avec un point décimal (ex. 12.5)',
  ]],
  ['image-without-alt.md', F, [
    '✗ ligne 39 · logo.alt : texte vide (Texte alternatif : ce que l’image montre ou dit)',
    'attendu : un texte non vide',
  ]],
  ['invalid-date.md', F, [
    '✗ selectedOn : date impossible (ligne 36 du fichier)',
    'attendu : une date réelle au format AAAA-MM-JJ',
    'trouvé : 2025-02-30',
    'correction : vérifiez le jour et le mois',
  ]],
  ['unknown-call.md', F, [
    '✗ call : appel « ami-ia-2030 » inconnu',
    'attendu : un des appels de content/calls/ : ami-ia-2019, solutions-ia-2025',
    'correction : vouliez-vous dire « ami-ia-2019 » ?',
  ]],
  ['duplicate-slug.md', 'laureates/ami-ia-2019/fixture-courrier.md', [
    '✗ (fichier) : identifiant « fixture-courrier » en double : deux fiches auraient la même adresse /solutions/fixture-courrier/',
    'correction : renommez l’un des fichiers (ex. en ajoutant le nom de la structure)',
  ]],
];

describe('hostile content stops the build with a friendly message', () => {
  it('covers every file of tests/fixtures/hostile/', () => {
    const files = readdirSync(HOSTILE).filter((f) => f.endsWith('.md') && f !== 'README.md').sort();
    expect(CASES.map(([name]) => name).sort()).toEqual(files);
  });

  it.each(CASES)('%s', (name, destination, expected) => {
    const content = contentWith(name, destination);
    const out = path.join(work, name, 'dist');
    const result = astroBuild(content, out);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain(`content/${destination}`);
    for (const line of expected) expect(output).toContain(line);
    expect(output).toContain('Construction interrompue');
    expect(output).not.toContain('Stack trace');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});

describe('a failed npm run build keeps the published site', () => {
  it('leaves the previous dist/ untouched and no staging folder behind', () => {
    const content = contentWith('unknown-category.md', F);
    const dist = path.join(work, 'published', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>site précédent</title>');
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CATALOGUE_CONTENT_DIR: content, CATALOGUE_OUT_DIR: dist, CATALOGUE_CACHE_DIR: path.join(work, 'published', 'cache'), NO_COLOR: '1' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toContain('Le site publié (');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toContain('site précédent');
    expect(readdirSync(path.dirname(dist)).filter((n) => n.includes('staging'))).toEqual([]);
  });
});
