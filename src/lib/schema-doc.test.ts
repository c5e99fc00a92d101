import { describe, expect, it } from 'vitest';
import { nomenclatures } from './opendata/nomenclatures.ts';
import { describeSchema, flatten } from './schema-doc.ts';
import { laureateSchemaForValidation } from './validation/validate-content.ts';
import { COMPANY_SIZES, RGAA_LEVELS, THEMATICS } from '../schemas/taxonomy.ts';

const field = (path: string) => flatten(describeSchema(laureateSchemaForValidation)).find((f) => f.path === path)!;

describe('describeSchema', () => {
  it('labels each enum value from its own list, even when two lists share a value', () => {
    // `non-applicable` is both a company size and an RGAA level.
    expect(field('submitter.size').values).toContainEqual({ value: 'non-applicable', label: COMPANY_SIZES.label('non-applicable') });
    expect(field('rgaa').values).toContainEqual({ value: 'non-applicable', label: RGAA_LEVELS.label('non-applicable') });
    expect(COMPANY_SIZES.label('non-applicable')).not.toBe(RGAA_LEVELS.label('non-applicable'));
  });

  it('labels every value of every enum, lists included (thematics, metrics’ evidence)', () => {
    const enums = flatten(describeSchema(laureateSchemaForValidation)).filter((f) => f.values);
    expect(enums.map((f) => f.path)).toEqual(expect.arrayContaining(['category', 'thematics', 'audiences', 'metrics[].evidence', 'dataSecurity.certifications']));
    for (const f of enums) for (const v of f.values!) expect(v.label, `${f.path}: ${v.value}`).toBeTruthy();
    expect(field('thematics').values).toEqual(THEMATICS.map((t) => ({ value: t.slug, label: t.label })));
  });

  it('tells required and optional fields, with their descriptions', () => {
    expect(field('name')).toMatchObject({ required: true, type: 'texte', description: 'Nom de la solution ou du projet.' });
    expect(field('maturity')).toMatchObject({ required: false, type: 'valeur' });
    expect(field('logo.src').type).toBe('image');
  });
});

describe('open-data code lists', () => {
  it('publish the right label for a value shared by two lists', () => {
    const lists = nomenclatures();
    const size = lists.find((n) => n.field === 'submitter.size')!;
    const rgaa = lists.find((n) => n.field === 'rgaa')!;
    expect(size.values).toContainEqual({ value: 'non-applicable', label: 'Non applicable' });
    expect(rgaa.values).toContainEqual({ value: 'non-applicable', label: RGAA_LEVELS.label('non-applicable') });
  });
});
