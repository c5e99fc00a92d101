/**
 * npm run validate: checks all content without building the site and prints
 * every problem, grouped by file, with the line, the field, what is expected
 * and how to fix it. Exit code 1 when there is an error (warnings allowed).
 */
import path from 'node:path';
import { CONTENT_DIR } from '../src/lib/content-paths.ts';
import { formatProblems } from '../src/lib/validation/problem.ts';
import { validateContent } from '../src/lib/validation/validate-content.ts';
import { plural } from '../src/lib/view/format.ts';

const root = path.resolve(import.meta.dirname, '..');
const start = performance.now();
const { problems, counts } = await validateContent(root, CONTENT_DIR);
const errors = problems.filter((p) => p.severity !== 'warning');
const seconds = ((performance.now() - start) / 1000).toFixed(1);
console.log(`${plural(counts.calls, 'appel')}, ${plural(counts.laureates, 'lauréat')}, ${plural(counts.pages, 'page')} vérifiés en ${seconds} s.`);
if (problems.length > 0) console.log(`\n${formatProblems(problems)}`);
if (errors.length === 0) console.log(problems.length > 0 ? '\nContenu valide (avec des avertissements).' : 'Contenu valide.');
process.exit(errors.length > 0 ? 1 : 0);
