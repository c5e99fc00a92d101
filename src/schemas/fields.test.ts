import { describe, expect, it } from 'vitest';
import { describeSchema, flatten } from '../lib/schema-doc.ts';
import { laureateSchemaForValidation } from '../lib/validation/validate-content.ts';
import path from 'node:path';
import { BODY_TARGET, METRIC_TARGETS, REFERENCE_TARGETS, TARGETS, loadMapping } from '../ingest/mapping.ts';
import { FIELDS, KEY_FACTS, SECTIONS, sectionFields } from './fields.ts';

const schemaPaths = flatten(describeSchema(laureateSchemaForValidation)).map((f) => f.path);

describe('the field registry', () => {
  it('has an entry for every field of the laureate schema — shown on the fiche or deliberately hidden, with why', () => {
    const missing = schemaPaths.filter((p) => !(p in FIELDS));
    expect(missing, 'champs du schéma sans entrée dans src/schemas/fields.ts').toEqual([]);
    for (const [path, f] of Object.entries(FIELDS)) {
      if ('hidden' in f.shown) expect(f.shown.hidden.length, `${path} : dire où le champ est montré, ou pourquoi il ne l’est pas`).toBeGreaterThan(10);
      else expect('text' in f || 'items' in f, `${path} : une ligne de la fiche a besoin de text ou items`).toBe(true);
    }
  });

  it('names no field the schema does not have', () => {
    expect(Object.keys(FIELDS).filter((p) => !schemaPaths.includes(p))).toEqual([]);
  });

  it('puts every shown field in a section of the fiche, and « En bref » reads only shown fields', () => {
    const shown = SECTIONS.flatMap((s) => sectionFields(s).map(([p]) => p));
    expect(shown.length).toBeGreaterThan(30);
    for (const path of KEY_FACTS) expect(shown, path).toContain(path);
  });

  it('is the target list of the ingestion: every DS mapping target is a schema field', () => {
    // The body target is the fiche's text; attachments become the logo, screenshots and brochure objects.
    for (const target of Object.keys(TARGETS).filter((t) => t !== BODY_TARGET)) expect(schemaPaths, target).toContain(target);
    for (const target of Object.keys(METRIC_TARGETS)) expect(schemaPaths, target).toContain(`metrics[].${target}`);
    for (const target of Object.keys(REFERENCE_TARGETS)) expect(schemaPaths, target).toContain(`references[].${target}`);
  });

  it('is mapped: every field the DS form fills has its column in the 2025 call’s mapping.yml', () => {
    const mapping = loadMapping(path.resolve(import.meta.dirname, '../../selection/solutions-ia-2025/mapping.yml'));
    expect(Object.keys(TARGETS).filter((t) => !(t in mapping.fields)), 'champs sans colonne dans mapping.yml').toEqual([]);
    expect(Object.keys(METRIC_TARGETS).filter((t) => !(t in (mapping.blocks.metrics?.fields ?? {})))).toEqual([]);
    expect(Object.keys(REFERENCE_TARGETS).filter((t) => !(t in (mapping.blocks.references?.fields ?? {})))).toEqual([]);
  });
});
