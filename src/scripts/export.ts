/**
 * « Télécharger ces résultats » on /solutions/: exports exactly the laureates
 * the filters show, in their order, as CSV or JSON. The records come from
 * /donnees/laureats.json and the CSV goes through the same code as the
 * published CSV (src/lib/opendata/csv.ts), with the columns the page carries.
 * Loaded on the first click only.
 */
import { recordsCsv, type CsvColumn } from '../lib/opendata/csv.ts';

interface LaureatesDocument {
  laureates: Array<{ id: string }>;
  [key: string]: unknown;
}

let documentPromise: Promise<LaureatesDocument> | undefined;

function allLaureates(url: string): Promise<LaureatesDocument> {
  documentPromise ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url} : ${r.status}`);
    return r.json() as Promise<LaureatesDocument>;
  });
  return documentPromise;
}

export interface ExportRequest {
  format: 'csv' | 'json';
  /** Ids of the laureates shown, in order. */
  ids: string[];
  columns: CsvColumn[];
  /** The selection in words, recorded in the JSON. */
  filter: string;
  jsonUrl: string;
}

export async function exportResults(request: ExportRequest): Promise<{ body: string; type: string; name: string }> {
  const doc = await allLaureates(request.jsonUrl);
  const byId = new Map(doc.laureates.map((r) => [r.id, r]));
  const records = request.ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  if (request.format === 'csv') {
    return { body: recordsCsv(records, request.columns), type: 'text/csv;charset=utf-8', name: 'laureats-selection.csv' };
  }
  const body = JSON.stringify({ ...doc, filter: request.filter, count: records.length, laureates: records }, null, 2);
  return { body: `${body}\n`, type: 'application/json;charset=utf-8', name: 'laureats-selection.json' };
}

/** Hands a file to the browser's download. */
export function download(file: { body: string; type: string; name: string }): void {
  const url = URL.createObjectURL(new Blob([file.body], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
