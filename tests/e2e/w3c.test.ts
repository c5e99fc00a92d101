/**
 * RGAA 8.2 by the RGAA's own test method: the W3C Nu Html Checker (vnu) on every built page of the
 * repository's content, read over HTTP as a visitor's browser reads it. 0 errors; every warning is
 * either fixed or accepted with its reason in tests/w3c.ts (ACCEPTED_NU_WARNINGS).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles, routeOf } from './pages.ts';
import { javaForNu, nuCheck, nuProblems, type NuMessage } from '../w3c.ts';

const dist = inject('distDir');
const baseUrl = inject('baseUrl');
const routes = htmlFiles(dist).map((f) => routeOf(dist, f));
const java = javaForNu();
if ('skip' in java) console.warn(java.skip);

describe.skipIf('skip' in java)('RGAA 8.2 — W3C Nu Html Checker: every page valid', () => {
  let messages: NuMessage[] = [];
  // One Java process for all pages (about 5 s for 80 pages); a page it could not read is reported as a non-document error.
  beforeAll(async () => {
    messages = await nuCheck((java as { java: string }).java, routes.map((r) => baseUrl + r));
  }, 300_000);
  it('reads every page of the site', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(messages.filter((m) => !routes.includes(new URL(m.url).pathname))).toEqual([]);
  });
  it.each(routes)('%s', (route) => {
    expect(nuProblems(messages.filter((m) => new URL(m.url).pathname === route))).toEqual([]);
  });
});
