/**
 * npm run new: starts a laureate file. Asks, in French, for the call, the
 * solution's name, the submitter, the category and the thematics (choices
 * from the taxonomy), or takes them as flags for scripts:
 *   npm run new -- --appel solutions-ia-2025 --nom "Ma solution" --structure "Ma société" \
 *                  --categorie solutions-applicatives --thematiques agents-conversationnels,autre
 * Refuses a name whose slug already exists anywhere in the catalogue.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { CONTENT_DIR } from '../src/lib/content-paths.ts';
import { scaffoldLaureate } from '../src/lib/scaffold.ts';
import { slugify } from '../src/lib/slug.ts';
import { CATEGORIES, THEMATICS, thematicsOfCategory, type CallKind, type CategorySlug } from '../src/schemas/taxonomy.ts';

const root = path.resolve(import.meta.dirname, '..');
const content = path.resolve(root, CONTENT_DIR);
const USAGE = 'usage : npm run new [-- --appel <appel> --nom <nom> --structure <structure> [--categorie <catégorie>] [--thematiques <t1,t2>]]';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: { appel: { type: 'string' }, nom: { type: 'string' }, structure: { type: 'string' }, categorie: { type: 'string' }, thematiques: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const calls = readdirSync(path.join(content, 'calls'))
  .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
  .map((f) => {
    const { frontmatter } = parseFrontmatter(readFileSync(path.join(content, 'calls', f), 'utf8'));
    const data = frontmatter as { shortTitle: string; kind: CallKind; year: number };
    return { id: f.slice(0, -3), ...data };
  })
  .sort((a, b) => b.year - a.year);

const interactive = process.stdin.isTTY && !(args.appel && args.nom && args.structure);
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

async function ask(question: string, fallback?: string): Promise<string> {
  if (fallback !== undefined) return fallback;
  if (!rl) fail(`Information manquante : ${question}`);
  for (;;) {
    const answer = (await rl.question(`${question} `)).trim();
    if (answer) return answer;
  }
}

async function choose(question: string, options: Array<{ value: string; label: string }>, given?: string): Promise<string> {
  if (given !== undefined) {
    if (!options.some((o) => o.value === given)) fail(`« ${given} » inconnu pour « ${question} » — valeurs possibles : ${options.map((o) => o.value).join(', ')}`);
    return given;
  }
  if (!rl) fail(`Information manquante : ${question}`);
  console.log(`\n${question}`);
  options.forEach((o, i) => console.log(`  ${i + 1}. ${o.label}`));
  for (;;) {
    const n = Number((await rl.question('Votre choix (numéro) : ')).trim());
    if (n >= 1 && n <= options.length) return options[n - 1]!.value;
    console.log(`Répondez par un numéro entre 1 et ${options.length}.`);
  }
}

async function chooseMany(question: string, options: Array<{ value: string; label: string }>, given?: string): Promise<string[]> {
  if (given !== undefined) {
    const values = given.split(',').map((v) => v.trim()).filter(Boolean);
    const unknown = values.filter((v) => !options.some((o) => o.value === v));
    if (unknown.length > 0) fail(`thématique(s) inconnue(s) : ${unknown.join(', ')} — valeurs possibles : ${options.map((o) => o.value).join(', ')}`);
    return values;
  }
  if (!rl) return [];
  console.log(`\n${question}`);
  options.forEach((o, i) => console.log(`  ${i + 1}. ${o.label}`));
  for (;;) {
    const picks = (await rl.question('Vos choix (numéros séparés par des virgules) : ')).split(',').map((s) => Number(s.trim()));
    if (picks.length > 0 && picks.every((n) => n >= 1 && n <= options.length)) return [...new Set(picks)].map((n) => options[n - 1]!.value);
    console.log(`Répondez par des numéros entre 1 et ${options.length}, séparés par des virgules.`);
  }
}

const call = await choose('Appel du lauréat :', calls.map((c) => ({ value: c.id, label: c.shortTitle })), args.appel);
const callKind = calls.find((c) => c.id === call)!.kind;
const name = await ask('Nom de la solution :', args.nom);
const slug = slugify(name);
const existing = readdirSync(path.join(content, 'laureates')).flatMap((dir) => {
  const d = path.join(content, 'laureates', dir);
  return existsSync(d) ? readdirSync(d).filter((f) => f === `${slug}.md`).map((f) => path.join('content/laureates', dir, f)) : [];
});
if (existing.length > 0) {
  rl?.close();
  fail(`Une fiche porte déjà l’identifiant « ${slug} » : ${existing.join(', ')}. Choisissez un autre nom ou modifiez cette fiche.`, 1);
}
const submitter = await ask('Structure porteuse :', args.structure);
let category: CategorySlug | undefined;
let thematics: string[] = [];
if (callKind === 'solutions-marche' || args.categorie) {
  category = (await choose('Catégorie :', CATEGORIES.map((c) => ({ value: c.slug, label: c.label })), args.categorie)) as CategorySlug;
  // Every thematic may be declared, whatever the category: the category's own come first.
  const own = thematicsOfCategory(category);
  const offered = [...own, ...THEMATICS.filter((t) => !own.includes(t))];
  thematics = await chooseMany('Thématiques :', offered.map((t) => ({ value: t.slug, label: t.label })), args.thematiques);
}
rl?.close();

const file = path.join(content, 'laureates', call, `${slug}.md`);
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, scaffoldLaureate({ call, callKind, name, submitter, ...(category ? { category } : {}), thematics }), { flag: 'wx' });
console.log(`\nFiche créée : ${path.relative(root, file)}\nRemplacez chaque « À compléter », puis vérifiez avec : npm run validate`);
