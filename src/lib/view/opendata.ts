/** View models of the /donnees/ page: the files table and the field reference. */
import { describeSchema, flatten, type FieldDoc } from '../schema-doc.ts';
import { openDataLaureateSchema } from '../opendata/record.ts';
import type { DataFile } from '../opendata/files.ts';
import { formatFileSize } from './format.ts';

export interface FileRow {
  href: string;
  title: string;
  format: string;
  description: string;
  size: string;
}

export function fileRows(files: readonly DataFile[]): FileRow[] {
  return files.map((f) => ({
    href: f.path,
    title: f.title,
    format: f.format,
    description: f.description,
    size: formatFileSize(Buffer.byteLength(f.body, 'utf8')),
  }));
}

export interface FieldRow {
  path: string;
  description: string;
  type: string;
  required: boolean;
  values?: string;
}

const TYPE_LABELS: Record<FieldDoc['type'], string> = {
  texte: 'texte',
  nombre: 'nombre',
  booléen: 'booléen (true / false)',
  date: 'date (AAAA-MM-JJ)',
  liste: 'liste',
  groupe: 'groupe',
  valeur: 'code',
  image: 'image',
  'adresse web': 'adresse web',
};

/** Every field of a record, depth first, as the reference table lists it. */
export function fieldRows(): FieldRow[] {
  return flatten(describeSchema(openDataLaureateSchema)).map((f) => ({
    path: f.path,
    description: f.description ?? '',
    type: f.type === 'liste' && f.itemType ? `liste (${f.itemType === 'valeur' ? 'codes' : f.itemType === 'groupe' ? 'groupes' : f.itemType})` : TYPE_LABELS[f.type],
    required: f.required,
    ...(f.values ? { values: f.values.map((v) => v.value).join(', ') } : {}),
  }));
}
