/**
 * Runs nginx on a built site with its generated configuration, on loopback, everything it writes
 * (pid, logs, temporary files, the whole nginx.conf) in a throwaway folder: `npm run serve` and the
 * end-to-end tests use the same function.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NGINX_INCLUDE, brotliAvailable, standaloneConfig } from './nginx.ts';

/** nginx's binary on this machine (Debian installs it in /usr/sbin, often outside a user's PATH), or undefined. */
export function findNginx(): string | undefined {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    const probe = spawnSync(candidate, ['-v'], { encoding: 'utf8' });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return undefined;
}

/** What to say when nginx is missing. */
export const NGINX_MISSING =
  'nginx est introuvable sur cette machine. Installez-le pour servir le site comme en production ' +
  '(Debian : apt-get install -y nginx libnginx-mod-http-brotli-static ; .ci/run le fait en intégration continue).';

export interface RunningNginx {
  url: string;
  process: ChildProcess;
  /** Whether the .br copies are served (Debian's brotli module loaded). */
  brotli: boolean;
  /** Stops nginx (fast shutdown) and removes its folder. */
  stop(): Promise<void>;
}

/** Starts nginx on 127.0.0.1:`port` serving `root` (a built dist/ with its _serveur/ files); resolves once it answers. */
export async function startNginx({ nginx, root, port }: { nginx: string; root: string; port: number }): Promise<RunningNginx> {
  const include = path.join(root, NGINX_INCLUDE);
  if (!existsSync(include)) throw new Error(`${include} introuvable : construisez d’abord le site (npm run build).`);
  const brotli = brotliAvailable();
  const prefix = mkdtempSync(path.join(tmpdir(), 'catalogue-nginx-'));
  const conf = path.join(prefix, 'nginx.conf');
  const config = standaloneConfig({ root: path.resolve(root), port, prefix, include: brotli ? include.replace(/\.conf$/, '-brotli.conf') : include, brotli });
  // As root, nginx's workers would run as « nobody », who cannot read a private build folder: a throwaway local server keeps root's rights.
  writeFileSync(conf, process.getuid?.() === 0 ? `user root;\n${config}` : config);
  const check = spawnSync(nginx, ['-t', '-q', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`Configuration nginx refusée :\n${check.stderr}`);
  }
  const child = spawn(nginx, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(prefix, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(`${url}/`, { method: 'HEAD' });
      return { url, process: child, brotli, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  await stop();
  throw new Error(`nginx n’a pas démarré sur ${url} (port occupé ?)`);
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
