/**
 * The site's RGAA audit: for each of the 106 criteria (./criteria.ts), on
 * the sample of pages chosen as the RGAA method says, its status (C, NC,
 * NA), why, and how it is verified — the automated test that checks it on
 * every build, or a manual check with its date. The results are data
 * (./grille-rgaa.yaml), validated here; the rate, the statement, the
 * published grid and its CSV all derive from them.
 */
import { z } from 'astro/zod';
import { parse } from 'yaml';
import auditText from './grille-rgaa.yaml?raw';
import { RGAA_CRITERIA, RGAA_THEMES, RGAA_VERSION, type RgaaCriterion } from './criteria.ts';
import { toCsv } from '../opendata/csv.ts';

export const RGAA_STATEMENT_PATH = '/accessibilite/';
export const RGAA_GRID_PATH = '/accessibilite/grille/';
export const RGAA_GRID_CSV_PATH = '/donnees/grille-rgaa.csv';

export const STATUSES = {
  C: 'Conforme',
  NC: 'Non conforme',
  NA: 'Non applicable',
} as const;
export type Status = keyof typeof STATUSES;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'une date AAAA-MM-JJ');

const verificationSchema = z.union([
  z.object({ test: z.string().min(1).describe('Le nom d’un bloc describe() de tests/e2e/ qui vérifie le critère à chaque construction.') }).strict(),
  z.object({ manuel: isoDay, methode: z.string().min(1).describe('Ce qui a été vérifié, sur quelles pages, avec quel outil.') }).strict(),
]);

const resultSchema = z
  .object({
    statut: z.enum(['C', 'NC', 'NA']),
    /** `toutes`: every page of the sample; else the sample pages concerned. */
    pages: z.union([z.literal('toutes'), z.array(z.string()).min(1)]).default('toutes'),
    justification: z.string().min(1),
    verification: z.array(verificationSchema).min(1),
    /** A non-conformity the statement lists as a derogation (disproportionate burden, content outside the scope). */
    derogation: z.string().min(1).optional(),
  })
  .strict();

const auditSchema = z
  .object({
    version: z.literal(RGAA_VERSION),
    date: isoDay,
    auditeur: z.string().min(1),
    methode: z.string().min(1),
    technologies: z.array(z.string()).min(1),
    outils: z.array(z.string()).min(1),
    environnements: z.array(z.string()).min(1),
    echantillon: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), titre: z.string().min(1), adresse: z.string().startsWith('/') }).strict()).min(1),
    /** Pages outside the scope of the audit, and why. */
    horsPerimetre: z.array(z.object({ adresse: z.string().startsWith('/'), raison: z.string().min(1) }).strict()).default([]),
    criteres: z.record(z.string(), resultSchema),
  })
  .strict();

export type Audit = z.infer<typeof auditSchema>;
export type CriterionResult = z.infer<typeof resultSchema>;
export type Verification = z.infer<typeof verificationSchema>;

/** Reads and checks an audit: every criterion once, known sample pages, a test or a dated check for each. */
export function parseAudit(text: string, file = 'src/lib/rgaa/grille-rgaa.yaml'): Audit {
  const parsed = auditSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(racine)'} : ${i.message}`).join('\n');
    throw new Error(`${file} : la grille d’audit RGAA est invalide\n${issues}`);
  }
  const audit = parsed.data;
  const problems: string[] = [];
  const known = new Set(RGAA_CRITERIA.map((c) => c.number));
  for (const n of Object.keys(audit.criteres)) if (!known.has(n)) problems.push(`critère ${n} : inconnu du RGAA ${RGAA_VERSION}`);
  for (const c of RGAA_CRITERIA) if (!audit.criteres[c.number]) problems.push(`critère ${c.number} : absent (chacun des 106 critères doit avoir un statut)`);
  const sample = new Set(audit.echantillon.map((p) => p.id));
  for (const [n, r] of Object.entries(audit.criteres)) {
    if (r.pages !== 'toutes') for (const p of r.pages) if (!sample.has(p)) problems.push(`critère ${n} : page « ${p} » hors de l’échantillon (${[...sample].join(', ')})`);
    if (r.derogation && r.statut !== 'NC') problems.push(`critère ${n} : une dérogation ne concerne qu’un critère non conforme`);
  }
  if (problems.length > 0) throw new Error(`${file} :\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return audit;
}

let cached: Audit | undefined;
/** The site's audit (src/lib/rgaa/grille-rgaa.yaml). */
export const siteAudit = (): Audit => (cached ??= parseAudit(auditText));

export interface Rate {
  conformes: number;
  nonConformes: number;
  nonApplicables: number;
  /** Per cent of the applicable criteria that are met, rounded down (the RGAA's rate). */
  taux: number;
  /** The statement's wording: totalement (100 %), partiellement (50 % or more) or non conforme. */
  etat: 'totalement conforme' | 'partiellement conforme' | 'non conforme';
}

/** The compliance rate computed the RGAA way: met criteria over applicable criteria. */
export function complianceRate(audit: Audit): Rate {
  const all = Object.values(audit.criteres);
  const conformes = all.filter((r) => r.statut === 'C').length;
  const nonConformes = all.filter((r) => r.statut === 'NC').length;
  const applicable = conformes + nonConformes;
  const taux = applicable === 0 ? 0 : Math.floor((conformes * 100) / applicable);
  return { conformes, nonConformes, nonApplicables: all.length - applicable, taux, etat: taux === 100 ? 'totalement conforme' : taux >= 50 ? 'partiellement conforme' : 'non conforme' };
}

export interface GridRow extends RgaaCriterion {
  result: CriterionResult;
  statusLabel: string;
  /** The sample pages concerned, by title. */
  pageTitles: string[];
  /** How it is verified, in words. */
  verifiedBy: string[];
}

export function describeVerification(v: Verification): string {
  return 'test' in v ? `test automatique « ${v.test} »` : `vérification manuelle du ${v.manuel} : ${v.methode}`;
}

/** The grid, theme by theme, in the reference's order. */
export function gridRows(audit: Audit): Array<{ number: number; title: string; rows: GridRow[] }> {
  const titles = new Map(audit.echantillon.map((p) => [p.id, p.titre]));
  return RGAA_THEMES.map((t) => ({
    number: t.number,
    title: t.title,
    rows: RGAA_CRITERIA.filter((c) => c.theme === t.number).map((c) => {
      const result = audit.criteres[c.number]!;
      return {
        ...c,
        result,
        statusLabel: STATUSES[result.statut],
        pageTitles: result.pages === 'toutes' ? ['toutes les pages de l’échantillon'] : result.pages.map((p) => titles.get(p)!),
        verifiedBy: result.verification.map(describeVerification),
      };
    }),
  }));
}

/** The automated tests the grid names (each must exist in tests/e2e/). */
export const namedTests = (audit: Audit): string[] => [...new Set(Object.values(audit.criteres).flatMap((r) => r.verification.flatMap((v) => ('test' in v ? [v.test] : []))))];

/** The grid as CSV (RFC 4180, CRLF): one criterion per row, its theme, status, pages and how it is verified. */
export function gridCsv(audit: Audit): string {
  const rows = gridRows(audit).flatMap((t) =>
    t.rows.map((r) => [r.number, `${t.number}. ${t.title}`, r.title, r.level, r.result.statut, r.pageTitles.join(' | '), r.verifiedBy.join(' | '), r.result.justification, r.result.derogation ?? '']),
  );
  return toCsv(['critere', 'theme', 'intitule', 'niveau', 'statut', 'pages', 'verification', 'justification', 'derogation'], rows);
}

/** Per theme, « 3 conformes, 1 non conforme, 2 non applicables ». */
export function themeSummary(rows: readonly GridRow[]): string {
  const n = (s: Status) => rows.filter((r) => r.result.statut === s).length;
  const part = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;
  return [part(n('C'), 'conforme', 'conformes'), part(n('NC'), 'non conforme', 'non conformes'), part(n('NA'), 'non applicable', 'non applicables')].join(', ');
}
