/**
 * The Chromium the browser checks and the bench drive with playwright-core
 * (browser downloads are not possible here): `CHROMIUM_PATH` when set, else
 * the system's Chromium (Debian's `chromium`, the faster path `.ci/run`
 * installs), else the headless Chromium shipped inside the npm package
 * `@sparticuz/chromium` (unpacked into the temporary folder at first use),
 * so that `npm install && npm test` needs nothing else.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

let resolved: Promise<{ path: string; source: string }> | undefined;

/** Which Chromium is used, and where it comes from (printed by the test setup). */
export function chromiumExecutable(): Promise<{ path: string; source: string }> {
  resolved ??= (async () => {
    if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
    const system = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    if (system) return { path: system, source: 'Chromium du système' };
    const { default: packaged } = await import('@sparticuz/chromium');
    return { path: await packaged.executablePath(), source: 'paquet npm @sparticuz/chromium' };
  })();
  return resolved;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: (await chromiumExecutable()).path, args: CHROMIUM_ARGS });
}
