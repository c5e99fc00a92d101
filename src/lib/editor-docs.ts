/**
 * Generated documents for editors, from the laureate schema: the JSON Schema
 * of the front matter and the field reference of GUIDE-EDITEUR.md. Tests fail
 * when the committed files drift from the schema (`npm run docs` rewrites them).
 */
import { z } from 'astro/zod';
import { requiredFields } from '../schemas/laureate.ts';
import { whereShown } from '../schemas/fields.ts';
import { describeSchema, type FieldDoc } from './schema-doc.ts';
import { laureateSchemaForValidation } from './validation/validate-content.ts';

export const GUIDE_FILE = 'GUIDE-EDITEUR.md';
export const SCHEMA_FILE = 'schemas/laureat.schema.json';
export const START = '<!-- début : référence des champs, générée par npm run docs depuis src/schemas/laureate.ts -->';
export const END = '<!-- fin : référence des champs -->';

export function laureateJsonSchema(): string {
  const schema = z.toJSONSchema(laureateSchemaForValidation, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: 'https://catalogue-ia.numerique.gouv.fr/schemas/laureat.schema.json', title: 'En-tête d’une fiche lauréat du catalogue' }, null, 2)}\n`;
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function row(f: FieldDoc, marketRequired: Set<string>): string {
  const required = f.required ? 'oui' : marketRequired.has(f.path) ? 'appel 2025' : 'non';
  const type = f.type === 'liste' ? `liste${f.itemType ? ` (${f.itemType === 'groupe' ? 'groupes' : f.itemType})` : ''}` : f.type;
  const values = f.values ? f.values.map((v) => `\`${v.value}\`${v.label ? ` (${v.label})` : ''}`).join(', ') : '';
  return `| \`${f.path}\` | ${escape(f.description ?? '')} | ${escape(whereShown(f.path) ?? '')} | ${type} | ${required} | ${escape(values)} |`;
}

export function fieldReference(): string {
  const marketRequired = new Set(requiredFields('solutions-marche').map((r) => r.path.join('.')));
  const rows: string[] = [];
  const walk = (fields: readonly FieldDoc[]) => {
    for (const f of fields) {
      rows.push(row(f, marketRequired));
      if (f.children) walk(f.children);
    }
  };
  walk(describeSchema(laureateSchemaForValidation));
  return [
    START,
    '',
    '« Obligatoire » : `oui` pour toute fiche ; `appel 2025` pour les lauréats d’un appel de solutions du marché (les projets d’administration de 2018 et 2019 n’ont pas ces informations). Dans une liste, `[]` désigne chaque élément.',
    '',
    '| champ | signification | sur la fiche | type | obligatoire | valeurs possibles |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    END,
  ].join('\n');
}

/** The guide with its field reference replaced by the generated one. */
export function withFieldReference(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`${GUIDE_FILE} : repères de la référence des champs introuvables`);
  return `${guide.slice(0, start)}${fieldReference()}${guide.slice(end + END.length)}`;
}
