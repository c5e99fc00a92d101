import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scaffoldLaureate, TODO } from './scaffold.ts';
import { validateContent } from './validation/validate-content.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'catalogue-new-'));
  dirs.push(root);
  cpSync(path.join(ROOT, 'tests/fixtures/content'), path.join(root, 'content'), { recursive: true });
  return root;
}

/** What an editor types in place of each « À compléter ». */
const FILLED: Record<string, string> = {
  summary: 'Une solution qui fait gagner du temps aux agents.',
  kind: 'entreprise',
  maturity: 'industrialisee',
  pricingModel: 'abonnement',
  secNumCloud: 'qualifie',
  dataLocation: 'france',
  rgaa: 'partiellement-conforme',
  openSource: 'false',
  selectedOn: '2025-06-02',
  title: 'Annonce des lauréats',
};

function fill(text: string): string {
  return text
    .replace(/^(\s*)(- )?(\w+): À compléter$/gm, (_m, pad: string, dash: string | undefined, key: string) => `${pad}${dash ?? ''}${key}: ${FILLED[key] ?? 'x'}`)
    .replace(/^(\s*)- À compléter$/gm, '$1- collectivites-territoriales')
    .replace(/^À compléter : .*$/m, 'La solution aide les agents à répondre aux usagers.');
}

describe('scaffoldLaureate', () => {
  const answers = { call: 'solutions-ia-2025', callKind: 'solutions-marche' as const, name: 'Ma solution', submitter: 'Ma société', category: 'solutions-applicatives', thematics: ['agents-conversationnels', 'autre'] };

  it('lists every field of the schema, each with its description', () => {
    const text = scaffoldLaureate(answers);
    for (const key of ['name:', 'summary:', 'submitter:', 'metrics:', 'costs:', 'dataSecurity:', 'openness:', 'references:', 'logo:', 'screenshots:', 'brochure:', 'sources:', 'selectedOn:']) {
      expect(text).toMatch(new RegExp(`^(# )?${key}`, 'm'));
    }
    expect(text).toContain('# Nom de la solution ou du projet.\nname: Ma solution');
    expect(text).toContain('thematics:\n  - agents-conversationnels\n  - autre');
  });

  it('does not validate while « À compléter » remains, with messages that name the fields', async () => {
    const root = project();
    writeFileSync(path.join(root, 'content/laureates/solutions-ia-2025/ma-solution.md'), scaffoldLaureate(answers));
    const { problems } = await validateContent(root, 'content');
    const fields = problems.filter((p) => p.severity !== 'warning').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['submitter.kind', 'maturity', 'rgaa', 'selectedOn']));
    expect(problems.find((p) => p.field === 'maturity')).toMatchObject({ message: `valeur « ${TODO} » inconnue (Niveau de maturité)`, line: expect.any(Number) });
  });

  it('validates once the « À compléter » fields are filled', async () => {
    const root = project();
    writeFileSync(path.join(root, 'content/laureates/solutions-ia-2025/ma-solution.md'), fill(scaffoldLaureate(answers)));
    const { problems } = await validateContent(root, 'content');
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('asks an administration project for its sources, not for commercial fields', async () => {
    const root = project();
    const text = scaffoldLaureate({ call: 'ami-ia-2019', callKind: 'projets-administration', name: 'Projet', submitter: 'DGS', thematics: [] });
    expect(text).toMatch(/^# maturity:/m);
    expect(text).toMatch(/^sources:\n(\s+# .*\n)*\s+- title: À compléter$/m);
    writeFileSync(path.join(root, 'content/laureates/ami-ia-2019/projet.md'), fill(text));
    const { problems } = await validateContent(root, 'content');
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });
});
