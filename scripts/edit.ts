/**
 * npm run edit: the editing interface on this machine. Starts decap-server
 * (the local proxy that writes the files of this repository; no
 * authentication, so bound to loopback only and never deployed) and the
 * development server, then prints the address of /admin/. What the
 * interface saves is checked like any file: by the dev server's validation
 * on every change, and by `npm run validate` before a commit.
 *   npm run edit                          (proxy on 8081, site on 4321)
 *   CATALOGUE_CMS_PROXY_PORT=9081 npm run edit
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { LOCAL_PROXY_PORT } from '../src/lib/cms/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const proxyPort = Number(process.env.CATALOGUE_CMS_PROXY_PORT ?? LOCAL_PROXY_PORT);
const sitePort = Number(process.env.PORT ?? 4321);
const children: ChildProcess[] = [];

function start(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(`\n${name} s’est arrêté (code ${code}).`);
    stop(code ?? 0);
  });
  children.push(child);
  return child;
}

function stop(code = 0): void {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

start(process.execPath, [path.join(root, 'node_modules/decap-server/dist/index.js')], { BIND_HOST: '127.0.0.1', PORT: String(proxyPort), MODE: 'fs', GIT_REPO_DIRECTORY: root, LOG_LEVEL: 'warn' }, 'decap-server');
start(path.join(root, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(sitePort)], { CATALOGUE_CMS_PROXY_PORT: String(proxyPort) }, 'Le serveur de développement');

console.log(`
Interface d’édition : http://127.0.0.1:${sitePort}/admin/
  Les fiches enregistrées sont écrites dans content/ de ce dépôt (proxy local sur 127.0.0.1:${proxyPort}, jamais exposé au réseau).
  Chaque fiche est vérifiée au fil des modifications par le serveur de développement ; avant de proposer vos changements : npm run validate.
  Arrêter : Ctrl+C
`);
