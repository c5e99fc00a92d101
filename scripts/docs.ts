/** npm run docs: rewrites the generated parts of the editors' documentation from the schema. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GUIDE_FILE, SCHEMA_FILE, laureateJsonSchema, withFieldReference } from '../src/lib/editor-docs.ts';

const root = path.resolve(import.meta.dirname, '..');
mkdirSync(path.join(root, path.dirname(SCHEMA_FILE)), { recursive: true });
writeFileSync(path.join(root, SCHEMA_FILE), laureateJsonSchema());
writeFileSync(path.join(root, GUIDE_FILE), withFieldReference(readFileSync(path.join(root, GUIDE_FILE), 'utf8')));
console.log(`${SCHEMA_FILE} et ${GUIDE_FILE} mis à jour.`);
