/**
 * The bodies of the dataset's files, from the records. One function for the
 * route that writes them and for the /donnees/ page that gives their size.
 */
import { csvTables } from './columns.ts';
import { childCsv, recordsCsv } from './csv.ts';
import { DCAT_PATH, JSON_PATH, NOMENCLATURES_PATH, dcatCatalogue, distributions, laureatesDocument, type DatasetDates, type Distribution } from './dataset.ts';
import { nomenclatures } from './nomenclatures.ts';
import { openDataJsonSchema, RECORD_SCHEMA_PATH, type OpenDataLaureate } from './record.ts';

export interface DataFile extends Distribution {
  body: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const cache = new WeakMap<readonly OpenDataLaureate[], DataFile[]>();

/** Every file of the dataset under /donnees/ (the feeds aside), with its content. */
export function dataFiles(records: readonly OpenDataLaureate[], site: URL, dates: DatasetDates): DataFile[] {
  const cached = cache.get(records);
  if (cached) return cached;
  const tables = csvTables();
  const files = distributions(tables);
  const bodies = new Map<string, () => string>([
    [JSON_PATH, () => json(laureatesDocument(records, site))],
    ...tables.map((t): [string, () => string] => [
      `/donnees/${t.file}`,
      () => (t.group ? childCsv(records, t) : recordsCsv(records, t.columns)),
    ]),
    [RECORD_SCHEMA_PATH, () => json(openDataJsonSchema(site))],
    [NOMENCLATURES_PATH, () => json({ nomenclatures: nomenclatures() })],
    [DCAT_PATH, () => json(dcatCatalogue(site, dates, files))],
  ]);
  const result = files
    .filter((f) => bodies.has(f.path))
    .map((f) => ({ ...f, body: bodies.get(f.path)!() }));
  cache.set(records, result);
  return result;
}
