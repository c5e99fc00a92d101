/**
 * The editors' tools: generated documents stay in step with the schema, the
 * JSON Schema accepts the real content, `npm run new` works without prompts
 * and refuses an existing slug, `npm run validate` exits as it says.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from 'astro/markdown';
import { afterAll, describe, expect, it } from 'vitest';
import { GUIDE_FILE, SCHEMA_FILE, laureateJsonSchema, withFieldReference } from '../src/lib/editor-docs.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(tmpdir(), 'catalogue-editors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, args: string[], content: string) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CATALOGUE_CONTENT_DIR: content, NO_COLOR: '1' },
    input: '',
  });
}

describe('generated documents', () => {
  it('the committed JSON Schema is the one the zod schema gives (npm run docs)', () => {
    expect(readFileSync(path.join(ROOT, SCHEMA_FILE), 'utf8')).toBe(laureateJsonSchema());
  });
  it('the guide’s field reference is the one the zod schema gives (npm run docs)', () => {
    const guide = readFileSync(path.join(ROOT, GUIDE_FILE), 'utf8');
    expect(guide).toBe(withFieldReference(guide));
    expect(guide).toContain('| `metrics[].evidence` | Niveau de preuve : déclaré, mesuré ou audité. | colonne du tableau des indicateurs | valeur | oui | `declare` (Déclaré), `mesure` (Mesuré), `audite` (Audité) |');
    expect(guide).toContain('| `dataSecurity.secNumCloud` | Statut SecNumCloud. | « SecNumCloud », section « Données et sécurité » |');
  });
  it('the JSON Schema describes every field of the real laureates', () => {
    const schema = JSON.parse(laureateJsonSchema()) as { properties: Record<string, unknown>; additionalProperties?: boolean };
    expect(schema.additionalProperties).toBe(false);
    const dir = path.join(ROOT, 'content/laureates');
    for (const call of readdirSync(dir)) {
      for (const f of readdirSync(path.join(dir, call)).filter((n) => n.endsWith('.md') && !n.startsWith('_'))) {
        const { frontmatter } = parseFrontmatter(readFileSync(path.join(dir, call, f), 'utf8'));
        for (const key of Object.keys(frontmatter as object)) expect(Object.keys(schema.properties), `${f}: ${key}`).toContain(key);
      }
    }
  });
});

describe('npm run new and npm run validate', () => {
  const content = path.join(work, 'content');
  cpSync(path.join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
  const flags = ['--appel', 'solutions-ia-2025', '--nom', 'Écoute Citoyenne', '--structure', 'Ma société', '--categorie', 'solutions-applicatives', '--thematiques', 'agents-conversationnels,transcription-vocale'];

  it('writes the file in the call’s folder, named after the solution', () => {
    const result = run('new.ts', flags, content);
    expect(result.status, result.stderr).toBe(0);
    const file = path.join(content, 'laureates/solutions-ia-2025/ecoute-citoyenne.md');
    expect(existsSync(file)).toBe(true);
    expect(result.stdout).toContain('Fiche créée : ');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('name: Écoute Citoyenne');
    expect(text).toContain('thematics:\n  - agents-conversationnels\n  - transcription-vocale');
  });

  it('refuses a name whose slug already exists', () => {
    const result = run('new.ts', ['--appel', 'ami-ia-2019', '--nom', 'Écoute citoyenne', '--structure', 'X'], content);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Une fiche porte déjà l’identifiant « ecoute-citoyenne » : content/laureates/solutions-ia-2025/ecoute-citoyenne.md');
  });

  it('refuses an unknown thematic, listing every possible one (the category’s first)', () => {
    const result = run('new.ts', ['--appel', 'solutions-ia-2025', '--nom', 'Autre chose', '--structure', 'X', '--categorie', 'solutions-applicatives', '--thematiques', 'vision'], content);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^thématique\(s\) inconnue\(s\) : vision — valeurs possibles : agents-conversationnels, .*, bases-vectorielles, /);
  });

  it('validate fails on the unfinished file, naming its lines and fields', () => {
    const result = run('validate.ts', [], content);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('content/laureates/solutions-ia-2025/ecoute-citoyenne.md');
    expect(result.stdout).toMatch(/✗ ligne \d+ · maturity : valeur « À compléter » inconnue \(Niveau de maturité\)/);
    expect(result.stdout).toMatch(/✗ ligne \d+ · summary : champ encore « À compléter »/);
  });

  it('validate passes on the fixture content, fast', () => {
    rmSync(path.join(content, 'laureates/solutions-ia-2025/ecoute-citoyenne.md'));
    const result = run('validate.ts', [], content);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2 appels, 3 lauréats, 1 page vérifiés en \d+\.\d s\./);
    expect(result.stdout).toContain('Contenu valide');
  });
});
