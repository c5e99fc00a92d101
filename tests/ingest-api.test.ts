/**
 * Ingestion straight from Démarches Simplifiées' API, against a local DS
 * that executes the real schema (tests/ds-api/server.ts) over the sample
 * démarche typed as DS types it (tests/ds-api/fixture.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatReport } from '../src/ingest/report.ts';
import { STATE_FILE } from '../src/ingest/ds-api/state.ts';
import { CALL, LAUREATES, XLSX, ZIP, cleanup, project, type Project } from './ingest-helpers.ts';
import { sampleDemarche, type FixtureDemarche } from './ds-api/fixture.ts';
import { startDsServer, type DsServer, type ServerOptions } from './ds-api/server.ts';

const TOKEN = 'ds-test-jeton-0123456789abcdef';
let sample: FixtureDemarche;
const servers: DsServer[] = [];

beforeAll(async () => {
  sample = await sampleDemarche();
});
afterEach(async () => {
  cleanup();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(cleanup);

async function server(options: Partial<ServerOptions> = {}, demarche: FixtureDemarche = sample): Promise<DsServer> {
  const s = await startDsServer(demarche, { token: TOKEN, pageSize: 4, ...options });
  servers.push(s);
  return s;
}

/** Runs the API ingestion of a project against a server; waits are recorded, not slept. */
async function runApi(p: Project, s: DsServer, extra: { since?: string; full?: boolean; dryRun?: boolean; token?: string } = {}) {
  const waits: number[] = [];
  const progress: string[] = [];
  const result = await p.run({
    call: CALL,
    dryRun: extra.dryRun,
    progress: (line) => progress.push(line),
    api: { endpoint: s.url, token: extra.token ?? TOKEN, demarche: s.demarche.number, since: extra.since, full: extra.full, sleep: async (ms) => void waits.push(ms) },
  });
  return { ...result, r: result.reports[0]!, waits, progress };
}

/** Every file a project holds outside selection/, with its bytes. */
function snapshot(p: Project): Map<string, Buffer> {
  return new Map(p.files().map((f) => [f, readFileSync(path.join(p.root, f))]));
}

const rejected = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the run to fail');
};

describe('ingestion from the API', () => {
  it('gives the same fiches and files as the XLSX export of the same démarche, byte for byte', async () => {
    const fromExport = project();
    fromExport.put('export.xlsx', readFileSync(XLSX));
    fromExport.put('pieces.zip', readFileSync(ZIP));
    const exported = await fromExport.run();
    expect(exported.reports[0]!.created).toHaveLength(LAUREATES.length);

    const fromApi = project();
    const s = await server();
    const { r, exitCode, waits } = await runApi(fromApi, s);
    expect(exitCode).toBe(0);
    expect(waits).toEqual([]);
    expect(r.created).toEqual(exported.reports[0]!.created);
    expect(r.skipped).toEqual(exported.reports[0]!.skipped);
    const a = snapshot(fromExport);
    const b = snapshot(fromApi);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, bytes] of a) expect(b.get(file)?.equals(bytes), file).toBe(true);
    // Pages of 4 where 100 were asked: every page was read.
    const pages = s.requests.filter((q) => q.operation === 'Dossiers');
    expect(pages.length).toBe(Math.ceil(sample.dossiers.length / 4));
    expect(pages.every((q) => q.variables?.first === 100)).toBe(true);
    // Never filtered on the state: a dossier that leaves « accepté » must still be seen.
    expect(s.requests.every((q) => q.variables?.state === undefined)).toBe(true);
    // Only laureates' logos, captures and brochures are downloaded, without the token.
    const downloads = s.requests.filter((q) => q.path.startsWith('/rails/'));
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.every((q) => q.authorization === undefined)).toBe(true);
    const laureateKeys = [...sample.files.values()].filter((f) => LAUREATES.includes(Number(f.key.split('-')[0]))).length;
    expect(downloads.length).toBeLessThanOrEqual(laureateKeys);
  });

  it('reports the API as its input and says what it read', async () => {
    const p = project();
    const { r, progress } = await runApi(p, await server());
    expect(r.inputs[0]).toEqual({ file: expect.stringMatching(/^API Démarches Simplifiées, démarche n° 123456/), kind: 'api', note: `${sample.dossiers.length} dossiers (tous les dossiers)` });
    expect(progress).toContainEqual(`démarche 123456 : ${sample.dossiers.length} dossiers lus`);
    expect(progress.some((l) => /pièces jointes téléchargées : \d+/.test(l))).toBe(true);
    expect(formatReport(r)).toMatch(/créées : 6/);
  });

  it('waits as a 429 says, then goes on; gives up after a bounded number of tries, writing nothing', async () => {
    const p = project();
    const { r, waits } = await runApi(p, await server({ faults: [{ request: 3, kind: '429' }] }));
    expect(waits).toEqual([1000]);
    expect(r.created).toHaveLength(6);

    const q = project();
    const before = snapshot(q);
    const error = await rejected(runApi(q, await server({ faults: [2, 3, 4, 5, 6, 7].map((request) => ({ request, kind: '429' as const })) })));
    expect(error.message).toMatch(/page 1 des dossiers : trop de requêtes \(HTTP 429\) après 5 nouvelles tentatives — rien n’a été écrit/);
    expect(snapshot(q)).toEqual(before);
  });

  it.each([
    ['errors', /page 2 des dossiers : Démarches Simplifiées a répondu par des erreurs : « Internal server error » \(internal_server_error\) — rien n’a été écrit/],
    ['null-node', /page 2 des dossiers : l’élément 4 de la page est vide \(null\)/],
    ['drop', /page 2 des dossiers : http:\/\/127\.0\.0\.1:\d+\/api\/v2\/graphql injoignable .* rien n’a été écrit/],
  ] as const)('stops on %s half-way, says which page, and writes nothing', async (kind, message) => {
    const p = project();
    const before = snapshot(p);
    const error = await rejected(runApi(p, await server({ faults: [{ request: 3, kind }] })));
    expect(error.message).toMatch(message);
    expect(snapshot(p)).toEqual(before);
    expect(existsSync(path.join(p.selection, STATE_FILE))).toBe(false);
  });

  it('explains a refused token in French, and never shows it', async () => {
    const cases: Array<[Partial<ServerOptions>, string, RegExp]> = [
      [{}, 'jeton-inconnu-9876543210', /refuse le jeton \(HTTP 403.*jeton inconnu ou révoqué — vérifiez DS_API_TOKEN/],
      [{ tokenState: 'expired' }, TOKEN, /refuse le jeton \(HTTP 401.*expiré — créez-en un nouveau/],
      [{ tokenState: 'other-demarche' }, TOKEN, /le jeton n’a pas accès à la démarche n° 123456/],
    ];
    for (const [options, token, message] of cases) {
      const p = project();
      const error = await rejected(runApi(p, await server(options), { token }));
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(token);
      expect(error.stack ?? '').not.toContain(token);
    }
  });

  it('checks the mapping against the active revision before reading any dossier', async () => {
    const renamed = structuredClone({ ...sample, files: undefined }) as unknown as FixtureDemarche;
    renamed.files = sample.files;
    const descriptors = renamed.activeRevision.champDescriptors as Array<{ label: string }>;
    descriptors.find((d) => d.label === 'Nom de la solution')!.label = 'Nom commercial de la solution';
    (renamed.activeRevision.annotationDescriptors as Array<{ label: string }>).find((d) => d.label === 'Décision du comité')!.label = 'Avis du comité';
    const s = await server({}, renamed);
    const p = project();
    const before = snapshot(p);
    const error = await rejected(runApi(p, s));
    expect(error.message).toContain('ne correspond pas à mapping.yml (aucun dossier lu, rien n’a été écrit)');
    expect(error.message).toContain('« name » : champ « Nom de la solution » introuvable dans la révision active');
    expect(error.message).toContain('« rule.decision » : annotation privée « Décision du comité » introuvable');
    expect(s.requests.map((q) => q.operation)).toEqual(['Revision']);
    expect(snapshot(p)).toEqual(before);
  });

  it('reports an expired or missing attachment by dossier and field, and goes on', async () => {
    const logo = [...sample.files.values()].find((f) => f.key.startsWith('22811437-') && f.filename.startsWith('logo'))!;
    const brochure = [...sample.files.values()].find((f) => LAUREATES.includes(Number(f.key.split('-')[0])) && f.contentType === 'application/pdf')!;
    const p = project();
    const { r, exitCode } = await runApi(p, await server({ expiredFiles: [logo.key], missingFiles: [brochure.key] }));
    expect(exitCode).toBe(0);
    expect(r.created).toHaveLength(6);
    expect(r.warnings).toContainEqual({ dossier: 22811437, field: 'logo', message: `pièce jointe « ${logo.filename} » adresse de téléchargement expirée (HTTP 403) : relancez l’ingestion, les adresses de Démarches Simplifiées ne valent qu’une heure` });
    expect(r.warnings).toContainEqual({ dossier: Number(brochure.key.split('-')[0]), field: 'brochure', message: expect.stringMatching(/introuvable chez Démarches Simplifiées \(HTTP 404\)/) });
  });

  it('runs incrementally: only what changed, deleted dossiers unpublished with the reason, never deleted', async () => {
    const p = project();
    const s = await server();
    await runApi(p, s);
    const state = JSON.parse(readFileSync(path.join(p.selection, STATE_FILE), 'utf8'));
    const latest = sample.dossiers.map((d) => d.dateDerniereModification).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
    expect(state).toEqual({ demarche: 123456, since: latest, lastRun: expect.any(String), dossiers: Object.fromEntries(sample.dossiers.map((d) => [String(d.number), d.dateDerniereModification])) });
    // Numbers and dates only (the toEqual above is the whole file): nothing an applicant wrote.

    // A second run: one dossier changed since, one deleted, one put in the bin.
    const changed = structuredClone(sample.dossiers.find((d) => d.number === LAUREATES[1])!);
    changed.dateDerniereModification = '2026-01-10T10:00:00+01:00';
    const name = changed.champs.find((c) => c.label === 'Nom de la solution')!;
    name.value = `${String(name.value)} 2`;
    name.stringValue = name.value as string;
    const next: FixtureDemarche = { ...sample, dossiers: sample.dossiers.filter((d) => d.number !== LAUREATES[1] && d.number !== LAUREATES[2] && d.number !== LAUREATES[3]).concat(changed) };
    const s2 = await server({ deleted: [{ number: LAUREATES[2]!, date: '2026-01-11T09:00:00+01:00' }, { number: LAUREATES[3]!, date: '2026-01-12T09:00:00+01:00', pending: true }] }, next);
    const before = readdirSync(p.laureates).sort();
    const { r } = await runApi(p, s2);
    expect(s2.requests.find((q) => q.operation === 'Dossiers')?.variables?.updatedSince).toBe(latest);
    // Only what changed since, the boundary dossier included (the filter is inclusive), handled idempotently.
    const expected = next.dossiers.filter((d) => Date.parse(d.dateDerniereModification) >= Date.parse(latest!));
    expect(r.dossiersRead).toBe(expected.length);
    expect(r.dossiersRead).toBeLessThan(sample.dossiers.length);
    expect(r.updated).toHaveLength(1);
    expect(r.created).toEqual([]);
    expect(r.unpublished.map((u) => u.reason).sort()).toEqual(['dossier mis à la corbeille dans Démarches Simplifiées le 2026-01-12', 'dossier supprimé dans Démarches Simplifiées le 2026-01-11']);
    expect(r.warnings.filter((w) => /absent/.test(w.message))).toEqual([]);
    expect(readdirSync(p.laureates).sort()).toEqual(before);
    const gone = r.unpublished.find((u) => u.dossier === LAUREATES[2])!;
    const fiche = readFileSync(path.join(p.root, gone.file), 'utf8');
    expect(fiche).toMatch(/^published: false$/m);
    expect(fiche).toMatch(/^published: false\nunpublishedReason: "dossier supprimé dans Démarches Simplifiées le 2026-01-11"$/m);
    expect(JSON.parse(readFileSync(path.join(p.selection, STATE_FILE), 'utf8')).since).toBe('2026-01-10T10:00:00+01:00');
  });

  it('unpublishes a laureate whose decision changed, without writing the committee’s words', async () => {
    const p = project();
    await runApi(p, await server());
    const changed = structuredClone(sample.dossiers.find((d) => d.number === LAUREATES[0])!);
    changed.dateDerniereModification = '2026-02-01T10:00:00+01:00';
    changed.state = 'refuse';
    const decision = changed.annotations.find((c) => c.label === 'Décision du comité')!;
    decision.value = 'Non retenu';
    decision.stringValue = 'Non retenu';
    const { r } = await runApi(p, await server({}, { ...sample, dossiers: [changed] }));
    expect(r.unpublished).toEqual([{ dossier: LAUREATES[0], file: expect.any(String), reason: 'n’est plus lauréat dans Démarches Simplifiées' }]);
    const fiche = readFileSync(path.join(p.root, r.unpublished[0]!.file), 'utf8');
    expect(fiche).toMatch(/^published: false$/m);
    expect(fiche).not.toContain('Non retenu');
  });

  it('--since and --full choose where the run starts; --dry-run writes nothing, not even the state', async () => {
    const p = project();
    const s = await server();
    const before = snapshot(p);
    const dry = await runApi(p, s, { dryRun: true });
    expect(dry.r.created).toHaveLength(6);
    expect(snapshot(p)).toEqual(before);
    expect(existsSync(path.join(p.selection, STATE_FILE))).toBe(false);

    await runApi(p, s, { since: '2025-05-20' });
    expect(s.requests.filter((q) => q.operation === 'Dossiers').at(-1)?.variables?.updatedSince).toBe('2025-05-20T00:00:00+02:00');
    expect(s.requests.filter((q) => q.operation === 'DeletedDossiers').at(-1)?.variables?.since).toBe('2025-05-20T00:00:00+02:00');
    await runApi(p, s, { full: true });
    expect(s.requests.filter((q) => q.operation === 'Dossiers').at(-1)?.variables?.updatedSince).toBeNull();
    await expect(runApi(p, s, { since: 'hier' })).rejects.toThrow(/--since « hier » illisible/);
  });

  it('never writes the token: not in the fiches, the manifest, the state, the progress lines, the report', async () => {
    const p = project();
    const { r, progress } = await runApi(p, await server({ expiredFiles: [[...sample.files.keys()][0]!] }));
    expect(progress.join('\n')).not.toContain(TOKEN);
    const everything = [...snapshot(p).values(), readFileSync(path.join(p.selection, STATE_FILE))].map((b) => b.toString('latin1')).join('\n');
    expect(everything).not.toContain(TOKEN);
    expect(JSON.stringify(r)).not.toContain(TOKEN);
    expect(formatReport(r)).not.toContain(TOKEN);
  });

  it('takes the démarche from mapping.yml when --demarche is not given, and says how to give it', async () => {
    const p = project();
    const s = await server();
    const noNumber = p.run({ call: CALL, api: { endpoint: s.url, token: TOKEN } });
    await expect(noNumber).rejects.toThrow(/numéro de démarche inconnu : donnez-le avec --demarche <numéro>, ou ajoutez demarche: <numéro> à mapping.yml/);
    const mapping = path.join(p.selection, 'mapping.yml');
    writeFileSync(mapping, readFileSync(mapping, 'utf8').replace(/^call: .*$/m, (line) => `${line}\ndemarche: 123456`));
    const { reports } = await p.run({ call: CALL, api: { endpoint: s.url, token: TOKEN } });
    expect(reports[0]!.created).toHaveLength(6);
  });
});
