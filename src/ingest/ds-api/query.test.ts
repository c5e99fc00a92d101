import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DS_DOCUMENT } from './query.ts';

const SCHEMA = path.resolve(import.meta.dirname, '../../../tests/fixtures/ds-api/schema.graphql');

/** Depth as DS counts it (its limit is 15): fields nested in fields, fragments inlined. */
function depth(doc: DocumentNode): number {
  const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const of = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + of(s.selectionSet) : 1);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, of(s.selectionSet));
      else max = Math.max(max, of(fragments.get(s.name.value)));
    }
    return max;
  };
  return Math.max(...doc.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? of(d.selectionSet) : 0)));
}

describe('the Démarches Simplifiées query', () => {
  it('is valid against DS’s own schema (no unknown field, no conflicting `value`, every variable typed)', () => {
    const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
    const errors = validate(schema, parse(DS_DOCUMENT));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('is refused when it drifts from the schema (the check can fail)', () => {
    const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
    const drifted = DS_DOCUMENT.replace('... on YesNoChamp { yesNo: value }', '... on YesNoChamp { value }').replace('... on CheckboxChamp { checked: value }', '... on CheckboxChamp { value }');
    expect(validate(schema, parse(drifted)).map((e) => e.message).join('\n')).toMatch(/"value" conflict/);
  });

  it('stays under DS’s depth limit (15)', () => {
    expect(depth(parse(DS_DOCUMENT))).toBeLessThanOrEqual(15);
    expect(depth(parse(DS_DOCUMENT))).toBeGreaterThan(5);
  });

  it('asks for every champ type the ingestion reads, so that DS returns them typed', () => {
    for (const type of ['YesNoChamp', 'CheckboxChamp', 'IntegerNumberChamp', 'DecimalNumberChamp', 'DropDownListChamp', 'MultipleDropDownListChamp', 'DateChamp', 'DatetimeChamp', 'PieceJustificativeChamp', 'RepetitionChamp', 'PersonneMorale', 'PersonneMoraleIncomplete']) {
      expect(DS_DOCUMENT).toContain(`... on ${type} `);
    }
  });
});
