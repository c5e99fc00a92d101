/**
 * `npm run serve`: serves the last built dist/ as production does, with nginx and the configuration
 * the build generated (src/lib/server/), on http://127.0.0.1:${PORT:-8080}/. Ctrl-C or SIGTERM stops
 * it cleanly. Without nginx, says so and how to install it, then falls back to `astro preview`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NGINX_MISSING, findNginx, startNginx } from '../src/lib/server/run-nginx.ts';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const port = Number(process.env.PORT ?? 8080);

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('Aucun site construit dans dist/ : lancez d’abord « npm run build ».');
  process.exit(1);
}

const nginx = findNginx();
if (!nginx) {
  console.warn(`${NGINX_MISSING}\nRepli sur « astro preview » (sans les en-têtes de production) sur http://127.0.0.1:${port}/.`);
  const preview = spawn(path.join(root, 'node_modules/.bin/astro'), ['preview', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => preview.kill(signal));
  preview.on('exit', (code) => process.exit(code ?? 0));
} else {
  const server = await startNginx({ nginx, root: dist, port });
  console.log(`Site servi par nginx sur ${server.url}/ (${server.brotli ? 'brotli et gzip' : 'gzip ; brotli absent'}) — Ctrl-C pour arrêter.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    if (!stopping) {
      console.error(`nginx s’est arrêté (code ${code}).`);
      process.exit(1);
    }
  });
}
