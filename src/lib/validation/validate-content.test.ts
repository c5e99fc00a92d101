import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from './validate-content.ts';
import { formatProblems } from './problem.ts';
import { pngClaiming } from '../../../tests/images.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/content');
const dirs: string[] = [];

/** A copy of the fixture content set in a temporary project root. */
function fixtureCopy(): { root: string; write: (rel: string, text: string) => void; read: (rel: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), 'catalogue-content-'));
  dirs.push(root);
  cpSync(FIXTURE, path.join(root, 'content'), { recursive: true });
  return {
    root,
    write: (rel, text) => writeFileSync(path.join(root, 'content', rel), text),
    read: (rel) => readFileSync(path.join(root, 'content', rel), 'utf8'),
  };
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const INFERIS = 'laureates/solutions-ia-2025/fixture-inferis.md';
const DGS = 'laureates/ami-ia-2019/fixture-dgs.md';

describe('validateContent', () => {
  it('accepts the fixture content set', async () => {
    const { root } = fixtureCopy();
    const result = await validateContent(root, 'content');
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ calls: 2, laureates: 3, pages: 1 });
  });

  it('accepts the real content of the repository', async () => {
    const result = await validateContent(ROOT, 'content');
    expect(formatProblems(result.problems)).toBe('0 problème dans 0 fichier.');
    expect(result.counts.calls).toBe(3);
    expect(result.counts.laureates).toBeGreaterThanOrEqual(33);
  });

  it('lists every problem of every file at once', async () => {
    const f = fixtureCopy();
    f.write(INFERIS, f.read(INFERIS).replace('category: briques-technologiques', 'category: inconnue'));
    f.write(DGS, f.read(DGS).replace(/^name: .*$/m, ''));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'content/laureates/ami-ia-2019/fixture-dgs.md name',
      'content/laureates/solutions-ia-2025/fixture-inferis.md category',
    ]);
  });

  it('reports an unknown call with the known ones', async () => {
    const f = fixtureCopy();
    f.write(DGS, f.read(DGS).replace('call: ami-ia-2019', 'call: ami-ia-2020'));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems).toEqual([
      {
        file: 'content/laureates/ami-ia-2019/fixture-dgs.md',
        field: 'call',
        message: 'appel « ami-ia-2020 » inconnu',
        expected: 'un des appels de content/calls/ : ami-ia-2019, solutions-ia-2025',
        hint: 'vouliez-vous dire « ami-ia-2019 » ?',
      },
    ]);
  });

  it('reports a laureate filed under another call’s folder', async () => {
    const f = fixtureCopy();
    f.write('laureates/solutions-ia-2025/fixture-dgs-bis.md', f.read(DGS).replace(/^name: .*$/m, 'name: Bis'));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/laureates/solutions-ia-2025/fixture-dgs-bis.md',
        field: 'call',
        message: 'la fiche est rangée dans le dossier « solutions-ia-2025 » mais déclare l’appel « ami-ia-2019 »',
      }),
    ]);
  });

  it('reports duplicate slugs across calls', async () => {
    const f = fixtureCopy();
    f.write('laureates/ami-ia-2019/fixture-inferis.md', f.read(DGS));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ['content/laureates/ami-ia-2019/fixture-inferis.md', 'identifiant « fixture-inferis » en double : deux fiches auraient la même adresse /solutions/fixture-inferis/'],
      ['content/laureates/solutions-ia-2025/fixture-inferis.md', 'identifiant « fixture-inferis » en double : deux fiches auraient la même adresse /solutions/fixture-inferis/'],
    ]);
  });

  it('reports duplicate dossier numbers', async () => {
    const f = fixtureCopy();
    const add = (rel: string) => f.write(rel, f.read(rel).replace('selectedOn:', 'dossierNumber: 22811437\nselectedOn:'));
    add(INFERIS);
    add('laureates/solutions-ia-2025/fixture-courrier.md');
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => `${p.file} ${p.field} ${p.message}`)).toEqual([
      'content/laureates/solutions-ia-2025/fixture-courrier.md dossierNumber numéro de dossier 22811437 en double',
      'content/laureates/solutions-ia-2025/fixture-inferis.md dossierNumber numéro de dossier 22811437 en double',
    ]);
  });

  it('requires the commercial fields for a market-solutions call only', async () => {
    const f = fixtureCopy();
    f.write(INFERIS, f.read(INFERIS).replace(/^rgaa: .*$/m, '').replace(/^maturity: .*$/m, ''));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'maturity: champ obligatoire manquant pour un lauréat de « Solutions d’IA pour le public (2025) » : le niveau de maturité',
      'rgaa: champ obligatoire manquant pour un lauréat de « Solutions d’IA pour le public (2025) » : la conformité RGAA de la solution',
    ]);
  });

  it('requires a source on a real entry that did not come from ingestion', async () => {
    const f = fixtureCopy();
    f.write(INFERIS, f.read(INFERIS).replace('demo: true', 'demo: false'));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems).toEqual([expect.objectContaining({ field: 'sources', file: 'content/' + INFERIS })]);
  });

  it('reports a missing image file and an empty description', async () => {
    const f = fixtureCopy();
    const text = f.read(INFERIS).replace('./images/inferis-logo.png', './images/absent.png');
    f.write(INFERIS, text.slice(0, text.lastIndexOf('---') + 3) + '\n');
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => `${p.field}|${p.message}`)).toEqual([
      'logo.src|image introuvable : ./images/absent.png',
      '|la description de la solution (texte sous l’en-tête) est vide',
    ]);
  });

  it('refuses a decompression bomb and a broken image, with the file, the field, what was found, the limit and the fix', async () => {
    const f = fixtureCopy();
    writeFileSync(path.join(f.root, 'content/laureates/solutions-ia-2025/images/inferis-logo.png'), pngClaiming(30_000, 30_000));
    writeFileSync(path.join(f.root, 'content/laureates/solutions-ia-2025/images/inferis-capture-1.png'), pngClaiming(400, 400, 2));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems).toEqual([
      expect.objectContaining({
        file: `content/${INFERIS}`,
        field: 'logo.src',
        line: 70,
        message: expect.stringMatching(/^\.\/images\/inferis-logo\.png : image trop grande pour être affichée sans risque : 30\s000 × 30\s000 px/),
        expected: expect.stringMatching(/^au plus 10\s000 px de côté et 40 mégapixels$/),
        received: expect.stringMatching(/^30\s000 × 30\s000 px$/),
        hint: expect.stringContaining('réduisez l’image'),
      }),
      expect.objectContaining({ field: 'screenshots.0.src', message: './images/inferis-capture-1.png : image endommagée : elle ne peut pas être décodée' }),
    ]);
  });

  it('reports every laureate file the site would skip: MDX, other extensions, outside a call folder, in a subfolder', async () => {
    const f = fixtureCopy();
    const text = f.read(INFERIS);
    for (const rel of ['laureates/solutions-ia-2025/copie.mdx', 'laureates/solutions-ia-2025/copie.markdown', 'laureates/solutions-ia-2025/copie.MD', 'laureates/solutions-ia-2025/copie.yml', 'laureates/perdue.md']) f.write(rel, text);
    mkdirSync(path.join(f.root, 'content/laureates/solutions-ia-2025/brouillons'));
    f.write('laureates/solutions-ia-2025/brouillons/idee.md', text);
    // Not reported: drafts, images beside the fiches, review copies written by the ingestion.
    f.write('laureates/solutions-ia-2025/_brouillon.mdx', text);
    f.write('laureates/solutions-ia-2025/_inferis.ingestion.md', text);
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.filter((p) => p.field === '(fichier)').map((p) => `${p.file}|${p.message}|${p.hint}`)).toEqual([
      'content/laureates/perdue.md|fichier hors du dossier d’un appel : il n’est pas lu|rangez la fiche dans content/laureates/<appel>/perdue.md (ex. content/laureates/solutions-ia-2025/perdue.md)',
      'content/laureates/solutions-ia-2025/brouillons/idee.md|fiche rangée dans un sous-dossier : elle n’est pas lue|déplacez-la dans content/laureates/solutions-ia-2025/ (seules les images vont dans des sous-dossiers), ou préfixez son nom par _ si c’est un brouillon',
      'content/laureates/solutions-ia-2025/copie.MD|extension « .MD » : le fichier n’est pas lu (les fiches de lauréat sont des fichiers .md, en minuscules)|renommez-le en copie.md, ou préfixez son nom par _ si c’est un brouillon',
      'content/laureates/solutions-ia-2025/copie.markdown|extension « .markdown » : le fichier n’est pas lu (les fiches de lauréat sont des fichiers .md, en minuscules)|renommez-le en copie.md, ou préfixez son nom par _ si c’est un brouillon',
      'content/laureates/solutions-ia-2025/copie.mdx|fiche au format MDX : elle n’est pas lue (une fiche MDX pourrait exécuter du code à la construction)|renommez-la en copie.md et retirez-en tout import ou composant : les fiches de lauréat sont en Markdown simple',
      'content/laureates/solutions-ia-2025/copie.yml|extension « .yml » : le fichier n’est pas lu (les fiches de lauréat sont des fichiers .md, en minuscules)|renommez-le en copie.md, ou préfixez son nom par _ si c’est un brouillon',
    ]);
  });

  it('checks the editorial pages’ text: links to an unpublished or a demonstration fiche, vague link texts, with file lines', async () => {
    const f = fixtureCopy();
    f.write('laureates/solutions-ia-2025/fixture-courrier.md', f.read('laureates/solutions-ia-2025/fixture-courrier.md').replace(/^---\n/, '---\npublished: false\n'));
    const page = f.read('pages/a-propos.mdx');
    const bodyStart = page.indexOf('\n---\n', 4) + 5;
    const bodyStartLine = page.slice(0, bodyStart).split('\n').length;
    f.write('pages/a-propos.mdx', `${page.slice(0, bodyStart)}Voir [la fiche retirée](/solutions/fixture-courrier/).\n\nEt [cliquez ici](https://exemple.fr/).\n${page.slice(bodyStart)}`);
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.map((p) => [p.file, p.line, p.severity ?? 'error', p.message])).toEqual([
      ['content/pages/a-propos.mdx', bodyStartLine + 2, 'warning', 'lien « cliquez ici » : son texte ne dit pas où il mène'],
      ['content/pages/a-propos.mdx', bodyStartLine, 'error', 'lien vers la fiche dépubliée /solutions/fixture-courrier/'],
    ]);
  });

  it('gives a laureate’s text problems the line of the file', async () => {
    const f = fixtureCopy();
    const text = f.read(INFERIS);
    const closing = text.indexOf('\n---\n', 4) + 5;
    f.write(INFERIS, `${text.slice(0, closing)}\nPour tout savoir, [cliquez ici](https://exemple.fr/).\n${text.slice(closing)}`);
    const line = f.read(INFERIS).split('\n').findIndex((l) => l.includes('cliquez ici')) + 1;
    const { problems } = await validateContent(f.root, 'content');
    expect(problems.filter((p) => p.message.includes('cliquez ici')).map((p) => p.line)).toEqual([line]);
  });

  it('reports unreadable YAML with its line in the file', async () => {
    const f = fixtureCopy();
    f.write(DGS, f.read(DGS).replace('call: ami-ia-2019', 'call: ami-ia-2019\n  oops: : x'));
    const { problems } = await validateContent(f.root, 'content');
    expect(problems).toHaveLength(1);
    const line = f.read(DGS).split('\n').findIndex((l) => l.includes('oops')) + 1;
    expect(problems[0]?.message).toMatch(new RegExp(`^en-tête YAML illisible \\(ligne ${line} du fichier\\) : `));
  });

  it('ignores drafts and review copies whose name starts with _', async () => {
    const f = fixtureCopy();
    f.write('laureates/solutions-ia-2025/_brouillon.md', '---\nname: 1\n---\n');
    const { problems, counts } = await validateContent(f.root, 'content');
    expect(problems).toEqual([]);
    expect(counts.laureates).toBe(3);
  });
});

describe('formatProblems', () => {
  it('groups problems by file with expected, found and fix', () => {
    expect(
      formatProblems([
        { file: 'b.md', field: 'x', message: 'm1' },
        { file: 'a.md', field: 'y', message: 'm2', expected: 'e', received: 'r', hint: 'h' },
        { file: 'b.md', field: '', message: 'm3' },
      ]),
    ).toBe(
      [
        'a.md',
        '  ✗ y : m2',
        '      attendu : e',
        '      trouvé : r',
        '      correction : h',
        'b.md',
        '  ✗ x : m1',
        '  ✗ (fichier) : m3',
        '3 problèmes dans 2 fichiers.',
      ].join('\n'),
    );
  });
});
