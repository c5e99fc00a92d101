import { describe, expect, it } from 'vitest';
import { answeredNumber, champText, yesNo } from './ds-rules.ts';
import type { ApiChamp } from './ds-api/query.ts';

const champ = (c: Partial<ApiChamp> & { __typename: string }): ApiChamp => ({ id: 'x', champDescriptorId: 'x', label: 'x', stringValue: null, ...c });

describe('DS rules', () => {
  it('writes each API champ type as the XLSX export writes the same answer', () => {
    expect(champText(champ({ __typename: 'YesNoChamp', yesNo: true, stringValue: 'true' }))).toBe('Oui');
    expect(champText(champ({ __typename: 'YesNoChamp', yesNo: false, stringValue: 'false' }))).toBe('Non');
    // Left empty, DS still says "false" in stringValue: the Boolean is null, and the answer is empty.
    expect(champText(champ({ __typename: 'YesNoChamp', yesNo: null, stringValue: 'false' }))).toBe('');
    expect(champText(champ({ __typename: 'CheckboxChamp', checked: true, stringValue: 'true' }))).toBe('on');
    expect(champText(champ({ __typename: 'CheckboxChamp', checked: false, stringValue: 'false' }))).toBe('off');
    expect(champText(champ({ __typename: 'IntegerNumberChamp', integer: '18000' }))).toBe('18000');
    expect(champText(champ({ __typename: 'IntegerNumberChamp', integer: null }))).toBe('');
    expect(champText(champ({ __typename: 'DecimalNumberChamp', decimal: 12.5 }))).toBe('12.5');
    expect(champText(champ({ __typename: 'DecimalNumberChamp', decimal: null }))).toBe('');
    expect(champText(champ({ __typename: 'MultipleDropDownListChamp', values: ['HDS', 'ISO 27001'], stringValue: 'HDS, ISO 27001' }))).toBe('HDS, ISO 27001');
    expect(champText(champ({ __typename: 'DateChamp', date: '2025-06-12', stringValue: '12 juin 2025' }))).toBe('2025-06-12');
    expect(champText(champ({ __typename: 'PieceJustificativeChamp', files: [{ filename: 'a.png' }, { filename: 'b, c.png' }] as ApiChamp['files'] }))).toBe('a.png, b, c.png');
    expect(champText(champ({ __typename: 'DropDownListChamp', option: 'PME', stringValue: 'PME' }))).toBe('PME');
    expect(champText(champ({ __typename: 'TextChamp', stringValue: 'texte' }))).toBe('texte');
  });

  it('reads yes/no in every spelling DS uses, and nothing else', () => {
    for (const t of ['Oui', 'on', 'true']) expect(yesNo(t)).toBe(true);
    for (const t of ['Non', 'off', 'false']) expect(yesNo(t)).toBe(false);
    for (const t of ['', 'peut-être', undefined]) expect(yesNo(t)).toBeUndefined();
  });

  it('reads an exported 0 as « not answered »', () => {
    expect(answeredNumber(0)).toBeUndefined();
    expect(answeredNumber(undefined)).toBeUndefined();
    expect(answeredNumber(3)).toBe(3);
  });
});
