/**
 * The W3C Nu Html Checker (npm `vnu-jar`), the tool the RGAA's test method names for criterion 8.2,
 * run over built pages served on loopback: served, so that the checker reads each page at its real
 * address (its Content-Security-Policy checks then judge `'self'` as a browser does, which they
 * cannot on `file:` paths).
 *
 * It needs Java 17 or later: Debian's `default-jre-headless`, which `.ci/run` installs. Where no
 * Java is found, `javaForNu()` says why and the callers skip their check with that line printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: 'warning' | 'fatal' | 'io' | 'schema' | 'internal';
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Warnings of the checker that we keep, each with its reason. A warning that matches none of them
 * fails the check; the reasons are also what the RGAA grid's 8.2 justification says.
 */
export const ACCEPTED_NU_WARNINGS: ReadonlyArray<{ pattern: RegExp; reason: string }> = [
  {
    pattern: /^The “(banner|main|contentinfo|navigation)” role is unnecessary for element “(header|main|footer|nav)”\.$/,
    reason:
      'Rôles ARIA explicites des zones (header, main, footer, nav) : balisage documenté du DSFR et technique du critère RGAA 12.6, pour les technologies d’assistance qui ne déduisent pas le rôle de l’élément.',
  },
  {
    pattern: /^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” directive/,
    reason:
      'Blocs de données (<script type="application/ld+json"> et type="application/json") : le navigateur ne les exécute pas et la CSP ne s’y applique pas (aucune violation relevée dans Chromium) ; le validateur les traite comme des scripts.',
  },
];

/** The checker's jar, from the npm package. */
export function nuJar(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
}

/** The Java to run the checker with, or why there is none (the line a skipped check prints). */
export function javaForNu(): { java: string } | { skip: string } {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return {
      skip:
        'Validateur W3C (vnu) non lancé : Java est introuvable sur cette machine. ' +
        'Installez-le (Debian : apt-get install -y default-jre-headless ; .ci/run le fait en intégration continue) pour que ce contrôle s’exécute.',
    };
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) return { skip: `Validateur W3C (vnu) non lancé : il demande Java 17 ou plus, ${java} est en version ${major}.` };
  return { java };
}

/** Runs the checker over `urls` (one Java process for all) and returns every message it reports. */
export function nuCheck(java: string, urls: readonly string[]): Promise<NuMessage[]> {
  // Loopback addresses are refused by default ("Forbidden host"), a guard for the public service.
  const args = ['-Dnu.validator.servlet.allow-forbidden-hosts=true', '-jar', nuJar(), '--format', 'json', '--stdout', '--exit-zero-always', ...urls];
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`vnu a échoué (code ${code}) : ${err}`));
      try {
        resolve((JSON.parse(out) as { messages: NuMessage[] }).messages);
      } catch (e) {
        reject(new Error(`Réponse illisible de vnu : ${(e as Error).message}\n${out.slice(0, 500)}${err}`));
      }
    });
  });
}

/** What a page must fix: every message (error, I/O failure, warning, information) that is not accepted above. */
export function nuProblems(messages: readonly NuMessage[]): string[] {
  return messages
    .filter((m) => !(m.type === 'info' && m.subType === 'warning' && ACCEPTED_NU_WARNINGS.some((w) => w.pattern.test(m.message))))
    .map((m) => `${new URL(m.url).pathname} l.${m.lastLine ?? '?'} [${m.type}${m.subType ? `/${m.subType}` : ''}] ${m.message}${m.extract ? ` — « ${m.extract.trim().slice(0, 120)} »` : ''}`);
}

/** Serves a built site on loopback, checks each of its pages, and returns the problems page by page (empty when valid). */
export async function nuCheckSite(java: string, dist: string): Promise<Record<string, string[]>> {
  const { htmlFiles, routeOf } = await import('./e2e/pages.ts');
  const { serve } = await import('./e2e/serve.ts');
  const routes = htmlFiles(dist).map((f) => routeOf(dist, f));
  const { server, url } = await serve(dist);
  try {
    const messages = await nuCheck(java, routes.map((r) => url + r));
    return Object.fromEntries(routes.map((r) => [r, nuProblems(messages.filter((m) => new URL(m.url).pathname === r))]));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
