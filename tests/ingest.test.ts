/**
 * The ingestion on the fictional sample export and on crafted variants of it:
 * every accepted input, every decision rule, every sanitising rule, and the
 * promise that an editor's work is never lost.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent } from '../src/lib/validation/validate-content.ts';
import { privateValues } from './private-values.ts';
import { DS_DOCUMENT } from '../src/ingest/ds-api/query.ts';
import { sampleDemarche } from './ds-api/fixture.ts';
import { startDsServer } from './ds-api/server.ts';
import { pngClaiming } from './images.ts';
import { CALL, CONSENT, CSV, XLSX, ZIP, cleanup, csvRows, editedCsv, editedXlsx, project, setDossierCell, type Project } from './ingest-helpers.ts';
import { writeCsv } from './export-writers.ts';

afterEach(cleanup);

/** A CSV of the sample's rows (edited or not), written as DS or a re-saving tool writes it. */
const csvOf = (table: { headers: string[]; rows: string[][] }, style?: 'ds' | 'excel-fr' | 'bom') => writeCsv({ name: 'Dossiers', ...table }, style);

const SLUGS = ['plume', 'accueil-polyglotte', 'socle-vectorelle', 'verbatim-seance', 'sentinelle', 'etabli'];

function allText(p: Project): string {
  return p
    .files()
    .filter((f) => /\.(md|json)$/.test(f))
    .map((f) => readFileSync(path.join(p.root, f), 'utf8'))
    .join('\n');
}

function ingestSample(p: Project, exportFile = XLSX) {
  p.put(path.basename(exportFile), readFileSync(exportFile));
  p.put(path.basename(ZIP), readFileSync(ZIP));
  return p.run();
}

describe('the sample export (XLSX + attachments ZIP)', () => {
  it('publishes the 6 consenting laureates and nothing else', async () => {
    const p = project();
    const { reports, exitCode } = await ingestSample(p);
    const r = reports[0]!;
    expect(exitCode).toBe(0);
    expect(r.dossiersRead).toBe(10);
    expect(r.laureates).toBe(6);
    expect(r.created).toEqual(SLUGS.map((s) => `content/laureates/${CALL}/${s}.md`));
    expect(r.skipped.map((s) => s.dossier)).toEqual([22890311, 22907845, 22935210, 22944718]);
    expect(r.errors).toEqual([]);
  });

  it('writes content that validates with the rest of the catalogue', async () => {
    const p = project();
    await ingestSample(p);
    const { problems, counts } = await validateContent(p.root, 'content');
    expect(problems).toEqual([]);
    expect(counts.laureates).toBe(9);
  });

  it('maps the fields, the blocks and the attachments', async () => {
    const p = project();
    await ingestSample(p);
    const { data } = p.laureate('plume');
    expect(data).toMatchObject({
      name: 'Plume',
      call: CALL,
      dossierNumber: 22811437,
      demo: false,
      published: true,
      category: 'solutions-applicatives',
      thematics: ['synthese-documentaire', 'agents-conversationnels'],
      audiences: ['services-deconcentres', 'collectivites-territoriales'],
      maturity: 'industrialisee',
      submitter: { name: 'Néophrase', kind: 'entreprise', size: 'start-up', siret: '85033810400019', website: 'https://www.neophrase.example.fr/' },
      costs: { pricingModel: 'abonnement', deploymentCost: 18000, deploymentEffortDays: 15, deploymentWeeks: 6, annualMaintenanceCost: 9600 },
      dataSecurity: { secNumCloud: 'hebergeable', dataLocation: 'france', onPremise: true, sensitiveInformation: false, certifications: ['iso-27001'] },
      rgaa: 'partiellement-conforme',
      selectedOn: '2025-05-28',
      logo: { src: './images/plume-logo.png', alt: 'Logo de Plume' },
      brochure: { url: `/documents/${CALL}/plume-brochure.pdf` },
    });
    expect(data.openness.models).toEqual([{ name: 'Mistral Small 3', openWeights: true }, { name: 'BGE-M3 (plongements sémantiques)' }]);
    expect(data.metrics[0]).toEqual({
      type: 'delais',
      label: 'Délai moyen de traitement d’un courrier',
      before: 12,
      after: 4,
      unit: 'jours',
      method: 'Extraction de l’outil de gestion du courrier : 6 mois avant et 6 mois après la mise en service (4 812 courriers).',
      perimeter: '3 préfectures, 2024',
      evidence: 'declare',
    });
    expect(data.references).toHaveLength(4);
    expect(data.screenshots).toHaveLength(2);
    expect(existsSync(path.join(p.laureates, 'images/plume-capture-2.jpg'))).toBe(true);
    expect(existsSync(path.join(p.root, `public/documents/${CALL}/plume-brochure.pdf`))).toBe(true);
  });

  it('splits the thematic that contains a comma against the options', async () => {
    const p = project();
    await ingestSample(p);
    expect(p.laureate('socle-vectorelle').data.thematics).toEqual(['bases-vectorielles', 'inference-optimisation']);
  });

  it('treats exported zeros as missing numbers', async () => {
    const p = project();
    const { reports } = await ingestSample(p);
    const verbatim = p.laureate('verbatim-seance').data;
    expect(verbatim.costs.annualMaintenanceCost).toBeUndefined();
    expect(verbatim.references.some((r: { users?: number }) => r.users === 0)).toBe(false);
    const polyglotte = p.laureate('accueil-polyglotte').data;
    expect(polyglotte.metrics.every((m: { before?: number }) => m.before !== 0)).toBe(true);
    expect(reports[0]!.warnings).toContainEqual(expect.objectContaining({ dossier: 22846120, message: expect.stringMatching(/^valeur avant à 0/) }));
  });

  it('rasterises the SVG logo to PNG', async () => {
    const p = project();
    await ingestSample(p);
    const logo = readFileSync(path.join(p.laureates, 'images/accueil-polyglotte-logo.png'));
    expect((await sharp(logo).metadata()).format).toBe('png');
    expect(logo.includes(Buffer.from('<svg'))).toBe(false);
  });

  it('never copies private values into the content', async () => {
    const p = project();
    await ingestSample(p);
    const text = allText(p);
    for (const value of privateValues()) expect(text, value).not.toContain(value);
    expect(p.files().some((f) => /export-\d+/.test(f))).toBe(false);
  });
});

describe('accepted inputs', () => {
  async function viaCsv(bytes: Buffer) {
    const p = project();
    p.put('export.csv', bytes);
    p.put('pieces.zip', readFileSync(ZIP));
    const result = await p.run();
    return { p, result };
  }

  it.each([
    ['UTF-8 with commas, as DS writes it', () => readFileSync(CSV)],
    ['Windows-1252 with semicolons and CRLF, as a French Excel saves it', () => csvOf(csvRows(), 'excel-fr')],
    ['UTF-8 with a BOM', () => csvOf(csvRows(), 'bom')],
  ])('reads the CSV export: %s', async (_name, bytes) => {
    const { p, result } = await viaCsv(bytes());
    const r = result.reports[0]!;
    expect(r.created).toHaveLength(6);
    expect(r.errors).toEqual([]);
    const plume = p.laureate('plume');
    expect(plume.data.name).toBe('Plume');
    expect(plume.data.summary).toContain('l’agent relit');
    expect(p.laureate('accueil-polyglotte').data.submitter.name).toBe('VOIX CLAIRES');
    // The CSV has no repeatable blocks: said once, as a warning.
    expect(r.warnings).toContainEqual(expect.objectContaining({ field: 'blocks' }));
    expect(plume.data.metrics).toBeUndefined();
  });

  it('gives the same laureates from the CSV and from the XLSX (blocks aside)', async () => {
    const a = project();
    await ingestSample(a, CSV);
    const b = project();
    await ingestSample(b, XLSX);
    for (const slug of SLUGS) {
      const { metrics: _m, references: _r, ...fromXlsx } = b.laureate(slug).data;
      expect(a.laureate(slug).data, slug).toEqual(fromXlsx);
      expect(a.laureate(slug).body).toBe(b.laureate(slug).body);
    }
  });

  it('reads an export older than November 2024 (« Archivé »)', async () => {
    const { result } = await viaCsv(csvOf(editedCsv(undefined, { 'À archiver': 'Archivé' })));
    expect(result.reports[0]!.created).toHaveLength(6);
  });

  it('reads an export-template variant (N° dossier, true/false)', async () => {
    const table = editedCsv(
      (row) => {
        row.set(CONSENT, row.get(CONSENT) === 'on' ? 'true' : 'false');
        for (const h of ['Solution open source', 'Déploiement sur site possible']) row.set(h, row.get(h) === 'Oui' ? 'true' : 'false');
      },
      { ID: 'N° dossier', 'Traité le': 'Date de traitement', Email: 'Adresse électronique' },
    );
    const { p, result } = await viaCsv(csvOf(table));
    expect(result.reports[0]!.created).toHaveLength(6);
    expect(p.laureate('plume').data.dataSecurity.onPremise).toBe(true);
    expect(p.laureate('plume').data.selectedOn).toBe('2025-05-28');
  });

  it('reads the attachments from an extracted folder', async () => {
    const p = project();
    p.put('export.xlsx', readFileSync(XLSX));
    const dir = path.join(p.selection, 'pieces', 'export', 'dossier-22811437', 'pieces_justificatives');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'logo-plume-14-04-2025-10-13-8064.png'), await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000091' } }).png().toBuffer());
    const { reports } = await p.run();
    expect(p.laureate('plume').data.logo).toEqual({ src: './images/plume-logo.png', alt: 'Logo de Plume' });
    expect(reports[0]!.warnings).toContainEqual(expect.objectContaining({ dossier: 22846120, field: 'logo', message: expect.stringMatching(/absente/) }));
  });

  it('reads a saved response of the API (the query DS answers, typed as DS types it)', async () => {
    const p = project();
    const dump = await apiDump();
    p.put('dossiers.json', JSON.stringify(dump));
    p.put('pieces.zip', readFileSync(ZIP));
    const { reports } = await p.run();
    expect(reports[0]!.inputs.map((i) => i.kind)).toEqual(['api', 'attachments']);
    expect(reports[0]!.created).toHaveLength(6);
    expect(p.laureate('socle-vectorelle').data.thematics).toEqual(['bases-vectorielles', 'inference-optimisation']);
    expect(p.laureate('plume').data.metrics).toHaveLength(3);
    expect(p.laureate('plume').data.openness.openSource).toBe(false);
    expect(p.laureate('plume').data.costs.deploymentCost).toBe(18000);
  });

  it('refuses a saved response that is not the whole démarche: a first page, errors, a null dossier', async () => {
    const dump = await apiDump();
    const cases: Array<[unknown, RegExp]> = [
      [{ data: { demarche: { dossiers: { ...dump.data.demarche.dossiers, pageInfo: { hasNextPage: true, endCursor: 'MTA=' } } } } }, /n’est qu’une page \(pageInfo\.hasNextPage vaut true\)/],
      [{ ...dump, errors: [{ message: 'Internal server error' }] }, /réponse de l’API avec des erreurs \(« Internal server error »\)/],
      [{ data: { demarche: { dossiers: { ...dump.data.demarche.dossiers, nodes: [...dump.data.demarche.dossiers.nodes, null] } } } }, /dossier vide \(null\)/],
    ];
    for (const [json, message] of cases) {
      const p = project();
      p.put('dossiers.json', JSON.stringify(json));
      await expect(p.run()).rejects.toThrow(message);
    }
  });

  it('detects files by content, not by name', async () => {
    const p = project();
    p.put('export-du-comite.dat', readFileSync(XLSX));
    p.put('pj', readFileSync(ZIP));
    const { reports } = await p.run();
    expect(reports[0]!.inputs.map((i) => i.kind)).toEqual(['export', 'attachments']);
    expect(reports[0]!.created).toHaveLength(6);
  });
});

/** What DS answers the ingestion's query for the sample démarche, in one page (the test server over the real schema). */
async function apiDump(): Promise<{ data: { demarche: { dossiers: { pageInfo: unknown; nodes: unknown[] } } } }> {
  const server = await startDsServer(await sampleDemarche(), { token: 'jeton' });
  try {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer jeton' },
      body: JSON.stringify({ query: DS_DOCUMENT, operationName: 'Dossiers', variables: { demarche: 123456, first: 100 } }),
    });
    return await response.json();
  } finally {
    await server.close();
  }
}

describe('who is published', () => {
  async function withCsv(edit: Parameters<typeof editedCsv>[0], extra: Record<string, string | Buffer> = {}) {
    const p = project();
    p.put('export.csv', csvOf(editedCsv(edit)));
    for (const [name, data] of Object.entries(extra)) p.put(name, data);
    const { reports, exitCode } = await p.run();
    return { p, r: reports[0]!, exitCode };
  }

  it('does not publish a laureate whose consent box is off', async () => {
    const { r } = await withCsv((row) => row.id === '22811437' && row.set(CONSENT, 'off'));
    expect(r.created).toHaveLength(5);
    expect(r.skipped).toContainEqual({ dossier: 22811437, reason: 'lauréat sans accord de publication (case non cochée)' });
  });

  it('does not guess when the state and the committee disagree', async () => {
    const { r, exitCode } = await withCsv((row) => {
      if (row.id === '22811437') row.set('Décision du comité', 'Non retenu');
      if (row.id === '22890311') row.set('Décision du comité', 'Lauréat');
    });
    expect(exitCode).toBe(0);
    expect(r.created).toHaveLength(5);
    expect(r.skipped).toContainEqual({ dossier: 22811437, reason: 'sources en désaccord (état du dossier : « Accepté », décision du comité : « Non retenu »)' });
    expect(r.skipped).toContainEqual({ dossier: 22890311, reason: 'sources en désaccord (état du dossier : « Refusé », décision du comité : « Lauréat »)' });
  });

  it('does not publish an accepted dossier without the committee’s decision', async () => {
    const { r } = await withCsv((row) => row.id === '22811437' && row.set('Décision du comité', ''));
    expect(r.skipped).toContainEqual({ dossier: 22811437, reason: expect.stringMatching(/sans décision du comité/) });
  });

  it('follows a separate decisions table, and reports when it disagrees', async () => {
    const table = 'N° dossier;Décision;Note\r\n22811437;Lauréat;17\r\n22846120;Non retenu;9\r\n';
    const { r } = await withCsv(undefined, { 'notation-comite.csv': Buffer.from(table) });
    expect(r.inputs.map((i) => i.kind)).toEqual(['export', 'decisions']);
    expect(r.created).toHaveLength(5);
    expect(r.skipped).toContainEqual({
      dossier: 22846120,
      reason: 'sources en désaccord (état du dossier : « Accepté », décision du comité : « Lauréat », tableau de décisions : « Non retenu »)',
    });
  });

  it('uses the decisions table alone when the export has no decision annotation', async () => {
    const { headers, rows } = editedCsv();
    const drop = ['Décision du comité', 'Note du comité', 'Commentaire du comité'].map((h) => headers.indexOf(h));
    const keep = (r: string[]) => r.filter((_, i) => !drop.includes(i));
    const p = project();
    p.put('export.csv', csvOf({ headers: keep(headers), rows: rows.map(keep) }));
    p.put('decisions.csv', Buffer.from('Dossier,Décision finale\n22811437,Lauréat\n22874902,Lauréat\n'));
    const r = (await p.run()).reports[0]!;
    expect(r.created.map((f) => path.basename(f))).toEqual(['plume.md', 'socle-vectorelle.md']);
  });
});

describe('untrusted text', () => {
  const HOSTILE = [
    'Présentation <script>alert("x")</script> et <img src=x onerror=alert(1)>',
    '# Titre injecté',
    '---',
    '> citation',
    '1. liste numérotée',
    '- puce',
    '[lien](javascript:alert(1)) et ![image](https://evil.example/x.png)',
    'https://evil.example/phishing et www.evil.example et contact@evil.example',
    '**gras** _italique_ `code` | a | b |',
    '&lt;script&gt; &#106;avascript:',
  ].join('\n');

  it('becomes markdown that can only render as text (rendering checked in tests/build.test.ts)', async () => {
    const p = project();
    p.put('export.csv', csvOf(editedCsv((row) => row.id === '22811437' && row.set('Description de la solution', HOSTILE))));
    await p.run();
    const lines = p.laureate('plume').body.split('\n');
    expect(lines).toEqual([
      'Présentation \\<script\\>alert("x")\\</script\\> et \\<img src=x onerror=alert(1)\\>\\',
      '\\# Titre injecté\\',
      '\\---\\',
      '\\> citation\\',
      '1\\. liste numérotée\\',
      '\\- puce\\',
      '\\[lien\\](javascript:alert(1)) et \\!\\[image\\](https\\://evil.example/x.png)\\',
      'https\\://evil.example/phishing et www\\.evil.example et contact\\@evil.example\\',
      '\\*\\*gras\\*\\* \\_italique\\_ \\`code\\` \\| a \\| b \\|\\',
      '\\&lt;script\\&gt; \\&\\#106;avascript:',
    ]);
  });

  it('keeps names and front-matter texts as YAML strings, whatever they contain', async () => {
    const p = project();
    const name = 'Plume: "v2" --- # <b>x</b>\n---';
    p.put('export.csv', csvOf(editedCsv((row) => row.id === '22811437' && row.set('Nom de la solution', name))));
    await p.run();
    const slug = 'plume-v2-b-x-b';
    expect(p.laureate(slug).data.name).toBe('Plume: "v2" --- # <b>x</b> ---');
  });

  it('publishes http(s) addresses only, adds https:// to a bare domain, reports the rest', async () => {
    const p = project();
    p.put(
      'export.csv',
      csvOf(
        editedCsv((row) => {
          if (row.id === '22811437') row.set('Site web de la structure', 'javascript:alert(document.cookie)');
          if (row.id === '22846120') row.set('Site web de la structure', 'voix-claires.example.fr');
          if (row.id === '22874902') row.set('Site web de la structure', 'data:text/html,<script>alert(1)</script>');
          if (row.id === '22903556') row.set('Dépôt du code source', 'ftp://code.example.fr/depot');
        }),
      ),
    );
    const r = (await p.run()).reports[0]!;
    expect(p.laureate('plume').data.submitter.website).toBeUndefined();
    expect(p.laureate('accueil-polyglotte').data.submitter.website).toBe('https://voix-claires.example.fr/');
    expect(p.laureate('socle-vectorelle').data.submitter.website).toBeUndefined();
    expect(p.laureate('verbatim-seance').data.openness.repositoryUrl).toBeUndefined();
    expect(r.warnings.filter((w) => /protocole/.test(w.message)).map((w) => w.dossier)).toEqual([22811437, 22874902, 22903556]);
  });

  it('reports an invalid SIRET and does not publish it', async () => {
    const p = project();
    p.put('export.csv', csvOf(editedCsv((row) => row.id === '22811437' && row.set('Établissement SIRET', '85033810400018'))));
    const r = (await p.run()).reports[0]!;
    expect(p.laureate('plume').data.submitter.siret).toBeUndefined();
    expect(r.warnings).toContainEqual({ dossier: 22811437, field: 'submitter.siret', message: 'SIRET invalide « 85033810400018 » (clé de contrôle fausse) : non publié' });
  });

  it('keeps a long name and a long summary whole, and asks an editor to shorten them', async () => {
    const p = project();
    const name = `Plume ${'assistant de rédaction '.repeat(9)}fin`;
    const summary = `${'mot '.repeat(120)}fin`;
    p.put('export.csv', csvOf(editedCsv((row) => {
      if (row.id !== '22811437') return;
      row.set('Nom de la solution', name);
      row.set('Résumé de la solution', summary);
    })));
    const r = (await p.run()).reports[0]!;
    expect(r.errors).toEqual([]);
    const written = r.created.find((f) => f.includes('/plume-'))!;
    const { data } = p.laureate(path.basename(written, '.md'));
    expect(name.length).toBeGreaterThan(200);
    expect(data.name).toBe(name);
    expect(data.summary).toBe(summary);
    expect(r.warnings).toContainEqual(expect.objectContaining({ dossier: 22811437, field: 'name', message: expect.stringContaining('gardé en entier') }));
    expect(r.warnings).toContainEqual(expect.objectContaining({ dossier: 22811437, field: 'summary', message: expect.stringContaining('gardé en entier') }));
  });
});

describe('attachments', () => {
  async function withPieces(files: Record<string, Buffer>, cells: Partial<Record<'Logo de la solution' | 'Captures d’écran' | 'Brochure technique', string>>) {
    const p = project();
    p.put('export.csv', csvOf(editedCsv((row) => {
      if (row.id !== '22811437') return;
      for (const [h, v] of Object.entries(cells)) row.set(h, v!);
    })));
    const dir = path.join(p.selection, 'pj', 'export', 'dossier-22811437', 'pieces_justificatives');
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
    const r = (await p.run()).reports[0]!;
    return { p, r, warnings: r.warnings.filter((w) => w.dossier === 22811437).map((w) => `${w.field}: ${w.message}`) };
  }

  it('refuses a file that is not an image, whatever its name, and still publishes the laureate', async () => {
    const { p, warnings } = await withPieces({ 'logo-01-01-2025-10-00-1.png': Buffer.from('<html><script>alert(1)</script></html>') }, { 'Logo de la solution': 'logo.png' });
    expect(p.laureate('plume').data.logo).toBeUndefined();
    expect(warnings).toContainEqual(expect.stringMatching(/^logo: « logo\.png » refusé : le fichier n’est pas une image lisible \(trouvé : .*type lu dans son contenu, pas dans son nom.* — ouvrez le fichier/));
  });

  it('refuses a decompression bomb from its header (same bound as editors’ images) and still publishes the laureate', async () => {
    const { p, warnings } = await withPieces({ 'logo-01-01-2025-10-00-1.png': pngClaiming(30_000, 30_000) }, { 'Logo de la solution': 'logo.png' });
    expect(p.laureate('plume').data.logo).toBeUndefined();
    expect(warnings).toContainEqual(expect.stringMatching(/^logo: « logo\.png » refusé : image trop grande pour être affichée sans risque : 30\s000 × 30\s000 px .*attendu : au plus 10\s000 px de côté et 40 mégapixels\) — réduisez l’image/));
  });

  it('resizes an oversized image and reads a JPEG named .png from its bytes', async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#6a6af4' } }).jpeg().toBuffer();
    const { p, warnings } = await withPieces({ 'ecran-01-01-2025-10-00-2.png': big }, { 'Captures d’écran': 'ecran.png' });
    const [shot] = p.laureate('plume').data.screenshots;
    expect(shot.src).toBe('./images/plume-capture-1.jpg');
    const meta = await sharp(readFileSync(path.join(p.laureates, 'images/plume-capture-1.jpg'))).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 1200]);
    expect(warnings).toContain('screenshots.0: « ecran.png » : redimensionnée de 4000×3000 px');
  });

  it('never publishes an SVG as is: scripts are dropped with the vector', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script><rect width="100" height="100" fill="#000091" onload="alert(2)"/></svg>');
    const { p } = await withPieces({ 'logo-01-01-2025-10-00-3.svg': svg }, { 'Logo de la solution': 'logo.svg' });
    const file = readFileSync(path.join(p.laureates, 'images/plume-logo.png'));
    expect((await sharp(file).metadata()).format).toBe('png');
    expect(file.includes(Buffer.from('alert'))).toBe(false);
    expect(p.files().some((f) => f.endsWith('.svg'))).toBe(false);
  });

  it('reports an attachment named in the sheet but absent from the export', async () => {
    const { p, warnings } = await withPieces({}, { 'Logo de la solution': 'absent.png', 'Brochure technique': 'brochure.pdf' });
    expect(p.laureate('plume').data.logo).toBeUndefined();
    expect(warnings).toEqual(expect.arrayContaining([
      'logo: pièce jointe « absent.png » absente de l’export des pièces justificatives',
      'brochure: pièce jointe « brochure.pdf » absente de l’export des pièces justificatives',
    ]));
  });

  it('refuses a brochure that is not a PDF', async () => {
    const { p, warnings } = await withPieces({ 'brochure-01-01-2025-10-00-4.pdf': Buffer.from('MZ\x90\x00 not a pdf') }, { 'Brochure technique': 'brochure.pdf' });
    expect(p.laureate('plume').data.brochure).toBeUndefined();
    expect(warnings).toContain('brochure: « brochure.pdf » refusé : ce n’est pas un PDF (type lu dans son contenu)');
  });
});

describe('slugs', () => {
  it('resolves collisions deterministically with the dossier number', async () => {
    const p = project();
    p.put('export.csv', csvOf(editedCsv((row) => {
      if (row.id === '22846120') row.set('Nom de la solution', 'Plume');
      if (row.id === '22874902') row.set('Nom de la solution', 'Fixture Inferis');
    })));
    const r = (await p.run()).reports[0]!;
    expect(r.created).toEqual(expect.arrayContaining([
      `content/laureates/${CALL}/plume.md`,
      `content/laureates/${CALL}/plume-22846120.md`,
      `content/laureates/${CALL}/fixture-inferis-22874902.md`,
    ]));
    // The editor-written fixture-inferis.md is untouched.
    expect(p.laureate('fixture-inferis').data.demo).toBe(true);
  });

  it('keeps a dossier’s slug when its name changes', async () => {
    const p = project();
    p.put('export.csv', readFileSync(CSV));
    await p.run();
    p.put('export.csv', csvOf(editedCsv((row) => row.id === '22811437' && row.set('Nom de la solution', 'Plume 2'))));
    const r = (await p.run()).reports[0]!;
    expect(r.updated).toEqual([`content/laureates/${CALL}/plume.md`]);
    expect(p.laureate('plume').data.name).toBe('Plume 2');
  });
});

describe('re-ingestion never loses an editor’s work', () => {
  it('changes nothing when run twice with the same inputs', async () => {
    const p = project();
    await ingestSample(p);
    const before = new Map(p.files().map((f) => [f, readFileSync(path.join(p.root, f), 'utf8')]));
    const r = (await ingestSample(p)).reports[0]!;
    expect(r.created).toEqual([]);
    expect(r.updated).toEqual([]);
    expect(r.unchanged).toHaveLength(6);
    const after = new Map(p.files().map((f) => [f, readFileSync(path.join(p.root, f), 'utf8')]));
    expect(after).toEqual(before);
  });

  it('updates a file nobody edited', async () => {
    const p = project();
    await ingestSample(p);
    const xlsx = await editedXlsx((wb) => setDossierCell(wb, 22811437, 'Résumé de la solution', 'Nouveau résumé.'));
    p.put(path.basename(XLSX), xlsx);
    const r = (await p.run()).reports[0]!;
    expect(r.updated).toEqual([`content/laureates/${CALL}/plume.md`]);
    expect(p.laureate('plume').data.summary).toBe('Nouveau résumé.');
  });

  it('never overwrites a file an editor changed: the new version goes beside it', async () => {
    const p = project();
    await ingestSample(p);
    const file = path.join(p.laureates, 'plume.md');
    const edited = readFileSync(file, 'utf8').replace('name: "Plume"', 'name: "Plume (relu)"');
    writeFileSync(file, edited);
    p.put(path.basename(XLSX), await editedXlsx((wb) => setDossierCell(wb, 22811437, 'Résumé de la solution', 'Nouveau résumé.')));
    const r = (await p.run()).reports[0]!;
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(r.conflicts).toEqual([
      {
        dossier: 22811437,
        file: `content/laureates/${CALL}/plume.md`,
        review: `content/laureates/${CALL}/_plume.ingestion.md`,
        reason: 'fiche modifiée par un éditeur depuis la dernière ingestion',
      },
    ]);
    expect(readFileSync(path.join(p.laureates, '_plume.ingestion.md'), 'utf8')).toContain('Nouveau résumé.');
    // The review copy is ignored by the site.
    expect((await validateContent(p.root, 'content')).counts.laureates).toBe(9);
  });

  it('unpublishes a withdrawn laureate nobody edited, and never deletes it', async () => {
    const p = project();
    await ingestSample(p);
    p.put(path.basename(XLSX), await editedXlsx((wb) => setDossierCell(wb, 22931674, 'État du dossier', 'Refusé')));
    const r = (await p.run()).reports[0]!;
    expect(r.unpublished).toEqual([{ dossier: 22931674, file: `content/laureates/${CALL}/sentinelle.md`, reason: 'n’est plus lauréat dans Démarches Simplifiées' }]);
    expect(p.laureate('sentinelle').data.unpublishedReason).toBe('n’est plus lauréat dans Démarches Simplifiées');
    expect(p.laureate('sentinelle').data.published).toBe(false);
    expect(p.laureate('sentinelle').data.name).toBe('Sentinelle');
    // A second run leaves it as it is.
    const again = (await p.run()).reports[0]!;
    expect(again.unpublished).toEqual([]);
  });

  it('leaves a withdrawn laureate an editor changed as it is, and says so', async () => {
    const p = project();
    await ingestSample(p);
    const file = path.join(p.laureates, 'sentinelle.md');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nNote de l’éditeur.\n');
    p.put(path.basename(XLSX), await editedXlsx((wb) => setDossierCell(wb, 22931674, 'État du dossier', 'Refusé')));
    const r = (await p.run()).reports[0]!;
    expect(r.unpublished).toEqual([]);
    expect(r.conflicts[0]).toMatchObject({ dossier: 22931674, reason: expect.stringMatching(/n’est plus lauréat/) });
    expect(p.laureate('sentinelle').data.published).toBe(true);
  });

  it('writes nothing on a dry run', async () => {
    const p = project();
    p.put(path.basename(XLSX), readFileSync(XLSX));
    const before = p.files();
    const r = (await p.run({ dryRun: true })).reports[0]!;
    expect(r.created).toHaveLength(6);
    expect(p.files()).toEqual(before);
  });
});

describe('mapping and export mismatches stop with a clear message', () => {
  it('a mapped column missing from the export', async () => {
    const p = project();
    p.put('export.csv', csvOf(editedCsv(undefined, { 'Nom de la solution': 'Nom du produit' })));
    await expect(p.run()).rejects.toThrow(/colonne manquante pour « name » : « Nom de la solution » introuvable dans export\.csv/);
  });

  it('a mapped column present twice (two revisions of the form)', async () => {
    const { headers, rows } = editedCsv();
    const i = headers.indexOf('Hébergeur');
    const p = project();
    p.put('export.csv', csvOf({ headers: [...headers, headers[i]!], rows: rows.map((r) => [...r, r[i]!]) }));
    await expect(p.run()).rejects.toThrow(/colonne en double pour « dataSecurity\.host » : « Hébergeur » apparaît 2 fois/);
  });

  it('an invalid mapping file', async () => {
    const p = project();
    writeFileSync(path.join(p.selection, 'mapping.yml'), `${readFileSync(path.join(p.selection, 'mapping.yml'), 'utf8')}\nunknownKey: 1\n`);
    p.put('export.csv', readFileSync(CSV));
    await expect(p.run()).rejects.toThrow(/Fichier de correspondance invalide :[\s\S]*champ « unknownKey » inconnu/);
  });

  it('a damaged ODS export stops with a message naming the file', async () => {
    const p = project();
    p.put('export.ods', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]));
    await expect(p.run()).rejects.toThrow(/^export\.ods : archive ZIP illisible/);
  });

  it('a call missing from content/calls/ (its kind says what its laureates must fill in)', async () => {
    const p = project();
    p.put('export.csv', readFileSync(CSV));
    rmSync(path.join(p.root, 'content/calls/solutions-ia-2025.md'));
    await expect(p.run()).rejects.toThrow(/^content\/calls\/solutions-ia-2025\.md introuvable : décrivez l’appel « solutions-ia-2025 » dans content\/calls\/ avant d’en intégrer les lauréats$/);
  });

  it('does nothing when selection/ holds no export', async () => {
    const p = project();
    const { reports, exitCode } = await p.run();
    expect(reports).toEqual([]);
    expect(exitCode).toBe(0);
  });
});
