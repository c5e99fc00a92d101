/**
 * npm run build: ingestion (no-op without exports), then the Astro build into
 * a staging folder, swapped into dist/ only when everything succeeded — a
 * failed build never leaves a dist/ that looks complete, and the last good
 * site stays in place.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const target = path.resolve(root, process.env.CATALOGUE_OUT_DIR ?? 'dist');
const staging = path.join(path.dirname(target), `.${path.basename(target)}-staging`);
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nConstruction interrompue : ${path.basename(command)} a échoué. Le site publié (${path.relative(root, target)}/) n’a pas été modifié.`);
    process.exit(result.status ?? 1);
  }
}

run(process.execPath, [path.join(root, 'scripts/ingest.ts')]);
rmSync(staging, { recursive: true, force: true });
run(bin('astro'), ['build'], { ...process.env, CATALOGUE_OUT_DIR: staging });
if (!existsSync(path.join(staging, 'index.html')) || !existsSync(path.join(staging, '404.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error('Construction incomplète : index.html ou 404.html manquant. Le site publié n’a pas été modifié.');
  process.exit(1);
}
const previous = `${target}.previous`;
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(staging, target);
rmSync(previous, { recursive: true, force: true });
console.log(`Site construit dans ${path.relative(root, target) || '.'}/`);
