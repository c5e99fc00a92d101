/**
 * The file `npm run new` writes: every field of the laureate schema, in the
 * schema's order, each with its description; the answers filled in, the other
 * required fields marked « À compléter », the optional ones as commented
 * examples. Built from the schema (src/lib/schema-doc.ts), so it never drifts.
 */
import { stringify } from 'yaml';
import { requiredFields } from '../schemas/laureate.ts';
import type { CallKind } from '../schemas/taxonomy.ts';
import { describeSchema, flatten, type FieldDoc } from './schema-doc.ts';
import { laureateSchemaForValidation } from './validation/validate-content.ts';

export const TODO = 'À compléter';

export interface ScaffoldAnswers {
  call: string;
  callKind: CallKind;
  name: string;
  submitter: string;
  category?: string;
  thematics: string[];
}

/** Fields the scaffold fills from the answers. */
function answered(a: ScaffoldAnswers): Record<string, unknown> {
  return {
    name: a.name,
    call: a.call,
    'submitter.name': a.submitter,
    ...(a.category ? { category: a.category } : {}),
    ...(a.thematics.length > 0 ? { thematics: a.thematics } : {}),
  };
}

const scalar = (v: unknown) => stringify(v, { lineWidth: 0 }).trimEnd();

function example(f: FieldDoc): unknown {
  if (f.values && f.type === 'valeur') return f.values[0]!.value;
  switch (f.type) {
    case 'nombre':
      return 0;
    case 'booléen':
      return false;
    case 'date':
      return '2025-06-02';
    case 'adresse web':
      return 'https://www.exemple.fr';
    case 'image':
      return './images/nom-du-fichier.png';
    default:
      return '…';
  }
}

function comment(f: FieldDoc, pad: string): string[] {
  const lines: string[] = [];
  if (f.description) lines.push(`${pad}# ${f.description}`);
  if (f.values) lines.push(`${pad}#   valeurs possibles : ${f.values.map((v) => v.value).join(', ')}`);
  return lines;
}

function render(fields: readonly FieldDoc[], values: Record<string, unknown>, required: Set<string>, indent: number, commented: boolean): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const f of fields) {
    const key = f.path.split('.').at(-1)!.replace('[]', '');
    const isRequired = f.required || required.has(f.path) || [...required].some((r) => r.startsWith(`${f.path}.`));
    const value = values[f.path];
    const c = commented || (!isRequired && value === undefined);
    const hash = c ? '# ' : '';
    out.push(...comment(f, pad));
    if (f.type === 'groupe' && f.children) {
      out.push(`${pad}${hash}${key}:`);
      out.push(...render(f.children, values, required, indent + 2, c));
    } else if (f.type === 'liste') {
      if (value !== undefined) {
        out.push(`${pad}${key}:`, ...(value as unknown[]).map((v) => `${pad}  - ${scalar(v)}`));
      } else if (f.children) {
        out.push(`${pad}${hash}${key}:`);
        // One example item (commented unless the list is required): « - first: … », the other keys under it.
        const item = render(f.children, values, new Set(), indent + 4, c);
        const first = item.findIndex((l) => (c ? /^\s*# \w+:/ : /^\s*\w+:/).test(l));
        out.push(...item.map((l, i) => (i === first ? `${pad}  ${c ? '# ' : ''}- ${l.trim().replace(/^# /, '')}` : l)));
      } else if (isRequired && !c) {
        out.push(`${pad}${key}:`, `${pad}  - ${scalar(TODO)}`);
      } else {
        out.push(`${pad}${hash}${key}:`, `${pad}${hash}  - ${scalar(example({ ...f, type: f.itemType ?? 'texte' }))}`);
      }
    } else {
      const v = value !== undefined ? value : isRequired && !commented ? TODO : example(f);
      out.push(`${pad}${hash}${key}: ${scalar(v)}`);
    }
  }
  return out;
}

export function scaffoldLaureate(a: ScaffoldAnswers): string {
  const fields = describeSchema(laureateSchemaForValidation).filter((f) => !['dossierNumber'].includes(f.path));
  // The call kind's rule (laureate.ts), with the fields the schema requires inside each required group.
  const byPath = new Map(flatten(fields).map((f) => [f.path, f]));
  const required = new Set<string>();
  for (const rule of requiredFields(a.callKind)) {
    const path = rule.path.join('.');
    required.add(path);
    for (const child of byPath.get(path)?.children ?? []) if (child.required) required.add(child.path);
  }
  required.add('summary');
  required.add('selectedOn');
  // A real entry written by hand cites its public sources (cross-entry rule).
  required.add('sources');
  const lines = render(fields, answered(a), required, 0, false);
  return [
    '---',
    '# Fiche créée par « npm run new ». Remplacez chaque « À compléter », décommentez (retirez le « # ») les',
    '# champs utiles, puis vérifiez avec « npm run validate ». Le guide : GUIDE-EDITEUR.md.',
    ...lines,
    '---',
    '',
    `${TODO} : décrivez ici la solution en quelques paragraphes — ce qu’elle fait, pour qui, dans quel contexte.`,
    '',
  ].join('\n');
}
