import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { YAML_OPTIONS, frontMatterYaml } from './front-matter.ts';

/** Strings as applicants write them, and worse: line breaks, spaces around them, quotes, backslashes, controls, any Unicode. */
/** Long texts with line breaks (the library writes them over several lines from 40 characters on). */
const longText = fc.array(fc.constantFrom('mot ', 'usager', 'é', '\n', ' \n', '\n ', '\n\n', '"', '\\', '\u00a0', '’', '\t'), { minLength: 15, maxLength: 60 }).map((parts) => parts.join(''));
const text = fc.oneof(
  longText,
  fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '\t', '"', '\\', '’', '«', '\u00a0', '\u202f', '\u2028', '\u0085', '\u0007', '#', ':', '-', '\r', '€', '😀'), maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ maxLength: 60 }),
);
const scalar = fc.oneof(text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
const key = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,12}$/);
const leafObject = fc.dictionary(key, scalar, { maxKeys: 6 });
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), leafObject, fc.array(leafObject, { maxLength: 3 }), fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.array(leafObject, { maxLength: 2 })), { maxKeys: 4 }));
const frontMatter = fc.dictionary(key, value, { minKeys: 1, maxKeys: 10 });

describe('frontMatterYaml', () => {
  it('writes exactly what the yaml library writes, and reads back the same data', () => {
    fc.assert(
      fc.property(frontMatter, (data) => {
        const yaml = frontMatterYaml(data);
        expect(parse(yaml)).toEqual(data);
        // The library escapes a single-space line twice (see front-matter.ts): equal everywhere else.
        if (!/\n \n/.test(JSON.stringify(data).replace(/\\n/g, '\n'))) expect(yaml).toBe(stringify(data, YAML_OPTIONS));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a line of a single space inside a long text (the library reads back a backslash)', () => {
    const data = { description: 'Première ligne assez longue pour être écrite sur plusieurs lignes\n \nTroisième' };
    expect(parse(frontMatterYaml(data))).toEqual(data);
    expect(parse(stringify(data, YAML_OPTIONS)).description).toContain('\\');
  });

  it('writes a real ingested front matter as the library does', () => {
    const data = {
      call: 'solutions-ia-2025', demo: false, published: true, dossierNumber: 22811437, name: 'Plume',
      applicationContext: 'Services chargés de la relation écrite avec les usagers.\n\nFonctionne en français ; l’anglais est en test.',
      thematics: ['synthese-documentaire', 'agents-conversationnels'], audiences: [],
      submitter: { name: 'Néophrase', kind: 'entreprise', siret: '85033810400019' },
      dataSecurity: { secNumCloud: 'hebergeable', gdpr: 'Registre tenu à jour ; AIPD réalisée avec le DPO de chaque client.\nAucune donnée n’est utilisée pour entraîner les modèles.', certifications: [] },
      metrics: [{ type: 'delais', label: 'Délai', before: 12, after: 63.5, method: 'Extraction de l’outil de gestion du courrier :\n6 mois avant et 6 mois après la mise en service.', evidence: 'declare' }],
      selectedOn: '2025-05-28',
    };
    expect(frontMatterYaml(data)).toBe(stringify(data, YAML_OPTIONS));
  });

  it('hands what it does not write to the library', () => {
    const data = { 'clé avec espace': 'x', nested: [[1, 2]], nothing: null, date: new Date('2025-01-01') };
    expect(frontMatterYaml(data)).toBe(stringify(data, YAML_OPTIONS));
  });
});
