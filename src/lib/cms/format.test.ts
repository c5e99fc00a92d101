import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from 'astro/markdown';
import { fieldShapes, fromFile, SOURCE_KEY, toFile } from './format.ts';
import { callFields, laureateFields, pageFields } from './config.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LAUREATE = fieldShapes(laureateFields('solutions-ia-2025', 'solutions-marche'));
const shapesFor = (file: string) => (file.includes('/calls/') ? fieldShapes(callFields()) : file.includes('/pages/') ? fieldShapes(pageFields()) : LAUREATE);

const FILE = `---
call: solutions-ia-2025
# Relu par l’équipe le 2 novembre
name: Ajusto
summary: "Un atelier pour adapter un modèle."
thematics:
  - apprentissage-specialise
costs:
  pricingModel: gratuit
  notes: 'Sur devis.'
dataSecurity:
  secNumCloud: hebergeable
  certifications: []
access:
  reversibility:
    exportFormats: ["CSV", "JSON"]
metrics:
  - type: qualite-service
    label: "Exactitude"
    after: 84
    unit: "%"
    evidence: declare
logo:
  src: ./images/ajusto-logo.png
  alt: "Logo d’Ajusto"
selectedOn: 2025-06-02
---

Ajusto guide une équipe pas à pas.

*Fiche de démonstration.*
`;

/** The CMS's round trip: read, let the editor change the data, write. */
const edit = (text: string, change: (d: Record<string, unknown>) => void) => {
  const data = structuredClone(fromFile(text));
  change(data);
  return toFile(data, LAUREATE);
};
const changedLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return { removed: x.filter((l) => !y.includes(l)), added: y.filter((l) => !x.includes(l)) };
};

describe('the editing interface’s file format', () => {
  it('writes every content file of the repository and of the fixtures back byte for byte when nothing changed', () => {
    const files = [...globSync('content/**/*.{md,mdx}', { cwd: ROOT }), ...globSync('tests/fixtures/content/**/*.{md,mdx}', { cwd: ROOT })];
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      expect(toFile(fromFile(text), shapesFor(file)), file).toBe(text);
    }
  });

  it('gives the CMS the front matter, the body without its leading blank line, and the original text', () => {
    const data = fromFile(FILE);
    expect(data.name).toBe('Ajusto');
    expect(data.selectedOn).toBe('2025-06-02');
    expect(data.body).toBe('Ajusto guide une équipe pas à pas.\n\n*Fiche de démonstration.*\n');
    expect(data[SOURCE_KEY]).toBe(FILE);
  });

  it('changes only the line of the value the editor changed — comments, quoting and the other lines stay', () => {
    const out = edit(FILE, (d) => ((d.costs as Record<string, unknown>).pricingModel = 'licence'));
    expect(changedLines(FILE, out)).toEqual({ removed: ['  pricingModel: gratuit'], added: ['  pricingModel: licence'] });
    expect(out).toContain('# Relu par l’équipe le 2 novembre');
    expect(out).toContain("  notes: 'Sur devis.'");
  });

  it('changes one item of a list in place and keeps the others', () => {
    const out = edit(FILE, (d) => ((d.metrics as Array<Record<string, unknown>>)[0]!.after = 90));
    expect(changedLines(FILE, out)).toEqual({ removed: ['    after: 84'], added: ['    after: 90'] });
  });

  it('puts a new field where the schema puts it, double-quoted when it is text, plain when it is a code or a date', () => {
    const out = edit(FILE, (d) => {
      d.applicationContext = 'Services de l’État.';
      d.updatedOn = '2026-12-01';
      (d.dataSecurity as Record<string, unknown>).dataLocation = 'france';
    });
    const lines = out.split('\n');
    expect(lines[lines.indexOf('  - apprentissage-specialise') + 1]).toBe('applicationContext: "Services de l’État."');
    expect(lines[lines.indexOf('selectedOn: 2025-06-02') + 1]).toBe('updatedOn: 2026-12-01');
    expect(lines[lines.indexOf('  secNumCloud: hebergeable') + 1]).toBe('  dataLocation: france');
    expect(changedLines(FILE, out).removed).toEqual([]);
  });

  it('removes what the editor emptied (an empty text, an emptied group), keeps an explicit `[]` and does not spell out defaults', () => {
    const out = edit(FILE, (d) => {
      (d.costs as Record<string, unknown>).notes = '';
      d.access = { reversibility: { exportFormats: [] } };
      d.demo = false;
      d.published = true;
    });
    expect(out).not.toContain('notes:');
    expect(out).not.toMatch(/access:|reversibility:|exportFormats:/);
    expect(out).toContain('  certifications: []');
    expect(out).not.toMatch(/demo:|published:/);
  });

  it('writes the body back unchanged when the editor did not touch it, and separated by a blank line when they did', () => {
    expect(edit(FILE, (d) => (d.name = 'Ajusto 2'))).toMatch(/---\n\nAjusto guide une équipe pas à pas\.\n\n\*Fiche de démonstration\.\*\n$/);
    expect(edit(FILE, (d) => (d.body = 'Nouveau texte.  \n\n'))).toMatch(/---\n\nNouveau texte\.\n$/);
  });

  it('writes a new fiche in the schema’s order, with relative image paths, nothing empty, and valid YAML', () => {
    const out = toFile(
      {
        body: 'Une description.',
        selectedOn: '2025-06-02',
        logo: { src: 'images/greffe-logo.png', alt: 'Logo de Greffe' },
        thematics: ['synthese-documentaire', 'agents-conversationnels'],
        category: 'solutions-applicatives',
        name: 'Greffe : assistant « actes »',
        call: 'solutions-ia-2025',
        demo: false,
        summary: 'Prépare les actes.',
        metrics: [{ type: 'productivite', label: 'Temps', after: 12, unit: 'minutes', evidence: 'declare', method: '' }],
        costs: { pricingModel: 'licence', deploymentCost: '' },
        references: [],
        environment: {},
      },
      LAUREATE,
    );
    expect(out).toBe(`---
name: "Greffe : assistant « actes »"
summary: "Prépare les actes."
call: solutions-ia-2025
category: solutions-applicatives
thematics:
  - synthese-documentaire
  - agents-conversationnels
metrics:
  - type: productivite
    label: "Temps"
    after: 12
    unit: "minutes"
    evidence: declare
costs:
  pricingModel: licence
logo:
  src: "./images/greffe-logo.png"
  alt: "Logo de Greffe"
selectedOn: 2025-06-02
---

Une description.
`);
    expect(parseFrontmatter(out).frontmatter).toMatchObject({ name: 'Greffe : assistant « actes »', logo: { src: './images/greffe-logo.png' } });
  });

  it('never writes the key that carries the original text', () => {
    expect(edit(FILE, (d) => (d.name = 'X'))).not.toContain(SOURCE_KEY);
  });

  it('refuses a file whose YAML is broken instead of losing it', () => {
    expect(() => fromFile('---\nname: "Ajusto\nsummary: x\n---\n')).toThrow(/En-tête YAML illisible/);
  });
});
