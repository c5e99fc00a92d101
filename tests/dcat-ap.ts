/**
 * DCAT-AP 3.0.1's official SHACL shapes (a copy in tests/fixtures/dcat-ap/, with its source) run
 * on a JSON-LD document by a SHACL engine (rdf-validate-shacl), offline: the document's context is
 * inline, and nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SHAPES_DIR = path.resolve(import.meta.dirname, 'fixtures/dcat-ap');
/** The release's shapes (violations) and its recommended properties (warnings). */
export const DCAT_AP_SHAPES = { official: 'dcat-ap-3.0.1-SHACL.ttl', recommended: 'dcat-ap-3.0.1-shapes-recommended.ttl' } as const;

const shapesCache = new Map<string, Store>();
function shapes(file: string): Store {
  let store = shapesCache.get(file);
  if (!store) {
    store = new Store(new Parser().parse(readFileSync(path.join(SHAPES_DIR, file), 'utf8')));
    shapesCache.set(file, store);
  }
  return store;
}

/** The RDF graph of a JSON-LD document; a remote context is refused (the catalogue's is inline). */
export async function jsonLdGraph(text: string, base: string): Promise<Store> {
  const store = new Store();
  await new Promise<void>((resolve, reject) => {
    const parser = new JsonLdParser({
      baseIRI: base,
      documentLoader: { load: (url: string) => Promise.reject(new Error(`contexte distant refusé : ${url}`)) },
    });
    parser.on('data', (q) => store.addQuad(q)).on('error', reject).on('end', () => resolve());
    parser.write(text);
    parser.end();
  });
  return store;
}

/** Each result of the shapes on the graph: severity, focus node, property, constraint, message. */
export async function shaclResults(graph: Store, shapesFile: string): Promise<string[]> {
  const report = await new SHACLValidator(shapes(shapesFile)).validate(graph);
  const local = (iri?: string) => iri?.replace(/^.*[#/]/, '') ?? '';
  return report.results.map(
    (r) => `${local(r.severity?.value)} ${r.focusNode?.value} ${r.path?.value ?? ''} ${local(r.sourceConstraintComponent?.value)} ${r.message.map((m) => m.value).join(' | ')}`.trim(),
  );
}

/** The objects of `predicate` (a full IRI) in the graph, as IRIs. */
export const objectsOf = (graph: Store, predicate: string) => graph.getObjects(null, predicate, null).map((o) => o.value);
