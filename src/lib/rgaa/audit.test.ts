import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { complianceRate, gridCsv, gridRows, namedTests, parseAudit, siteAudit } from './audit.ts';
import { RGAA_CRITERIA } from './criteria.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const e2e = path.join(ROOT, 'tests/e2e');
// The test files and the modules that declare tests for them (tests/e2e/axe-audit.ts declares the axe suites).
const testSources = readdirSync(e2e).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(e2e, f), 'utf8')).join('\n');

describe('the RGAA reference', () => {
  it('has the 106 criteria of RGAA 4.1.2 in 13 themes, numbered in order', () => {
    expect(RGAA_CRITERIA).toHaveLength(106);
    const perTheme = RGAA_CRITERIA.reduce<Record<number, number>>((m, c) => ({ ...m, [c.theme]: (m[c.theme] ?? 0) + 1 }), {});
    expect(perTheme).toEqual({ 1: 9, 2: 2, 3: 3, 4: 13, 5: 8, 6: 2, 7: 5, 8: 10, 9: 4, 10: 14, 11: 13, 12: 11, 13: 12 });
    for (const [t, count] of Object.entries(perTheme)) {
      expect(RGAA_CRITERIA.filter((c) => c.theme === Number(t)).map((c) => c.number)).toEqual(Array.from({ length: count }, (_, i) => `${t}.${i + 1}`));
    }
  });
});

describe('the site’s audit grid', () => {
  const audit = siteAudit();

  it('gives every criterion a status, a justification and a verification', () => {
    expect(Object.keys(audit.criteres).sort()).toEqual(RGAA_CRITERIA.map((c) => c.number).sort());
  });

  it('names only automated tests that exist in tests/e2e/: removing one fails here', () => {
    const missing = namedTests(audit).filter((name) => !testSources.includes(`'${name}'`));
    expect(missing).toEqual([]);
    expect(namedTests(audit).length).toBeGreaterThan(15);
  });

  it('computes the rate the RGAA way: met criteria over applicable ones, rounded down', () => {
    const rate = complianceRate(audit);
    expect(rate.conformes + rate.nonConformes + rate.nonApplicables).toBe(106);
    expect(rate.taux).toBe(Math.floor((rate.conformes * 100) / (rate.conformes + rate.nonConformes)));
    expect(rate.etat).toBe(rate.taux === 100 ? 'totalement conforme' : rate.taux >= 50 ? 'partiellement conforme' : 'non conforme');
  });

  it('publishes one CSV row per criterion with its theme, status, pages and verification', () => {
    const lines = gridCsv(audit).trimEnd().split('\r\n');
    expect(lines[0]).toBe('critere,theme,intitule,niveau,statut,pages,verification,justification,derogation');
    expect(lines).toHaveLength(107);
    expect(lines[1]).toMatch(/^1\.1,1\. Images,/);
    expect(gridRows(audit).flatMap((t) => t.rows).at(-1)!.number).toBe('13.12');
  });
});

describe('parseAudit', () => {
  const base = readFileSync(path.join(ROOT, 'src/lib/rgaa/grille-rgaa.yaml'), 'utf8');

  it('names a missing criterion, an unknown one and a page outside the sample', () => {
    const broken = base.replace(/^ {2}'13\.12':/m, "  '13.13':").replace(/pages:\n(\s+)- fiche-2025/, 'pages:\n$1- page-inconnue');
    expect(() => parseAudit(broken, 'grille.yaml')).toThrow(/grille\.yaml :[\s\S]*critère 13\.13 : inconnu[\s\S]*critère 13\.12 : absent[\s\S]*« page-inconnue » hors de l’échantillon/);
  });

  it('refuses a status outside C, NC, NA and a criterion without verification, with the path of the field', () => {
    expect(() => parseAudit(base.replace("statut: NC", 'statut: NT'), 'g.yaml')).toThrow(/g\.yaml : la grille d’audit RGAA est invalide\n {2}criteres\.[\d.]+\.statut/);
  });
});
