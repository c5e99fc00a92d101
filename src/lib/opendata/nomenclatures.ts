/**
 * The code lists of the open data: for each field holding a code, its values
 * with their French labels. Read off the record schema, whose enums come from
 * src/schemas/taxonomy.ts: one source for the site's labels and the data's.
 */
import { describeSchema, flatten } from '../schema-doc.ts';
import { openDataLaureateSchema } from './record.ts';

export interface Nomenclature {
  field: string;
  description?: string;
  values: Array<{ value: string; label?: string }>;
}

export function nomenclatures(): Nomenclature[] {
  return flatten(describeSchema(openDataLaureateSchema))
    .filter((f) => f.values && f.values.length > 0)
    .map((f) => ({ field: f.path, ...(f.description ? { description: f.description } : {}), values: f.values! }));
}
