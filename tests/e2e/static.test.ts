/**
 * Static quality gates over every HTML file of the built site: valid HTML,
 * no broken link, no injection, and the RGAA criteria that can be read from
 * the markup, each test named after its criterion.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { attr, byTag, elements, loadPages, text, type BuiltPage, type Element } from './pages.ts';
import { resolveFile } from './serve.ts';
import { headerProblems, type RowModel, type TableModel } from '../table-headers.ts';

const dist = inject('distDir');
const pages = loadPages(dist);
const contentPages = pages.filter((p) => p.route !== '/404.html');

describe('the built site', () => {
  it('has every expected kind of page', () => {
    const routes = pages.map((p) => p.route);
    for (const r of ['/', '/solutions/', '/plan-du-site/', '/accessibilite/', '/404.html', '/appels/solutions-ia-2025/', '/categories/briques-technologiques/', '/thematiques/autre/', '/solutions/plume/', '/solutions/dgs-signalements-sanitaires/']) {
      expect(routes).toContain(r);
    }
    expect(pages.length).toBeGreaterThan(50);
  });
});

describe('valid HTML (html-validate, standard rules)', () => {
  const validator = new HtmlValidate(
    new StaticConfigLoader({
      // Every rule, aria-label-misuse included: the header's modals carry no aria-labelledby in the
      // markup (see ARCHITECTURE.md, « Validité HTML »); the W3C checker runs in w3c.test.ts.
      extends: ['html-validate:standard'],
    }),
  );
  it.each(pages.map((p) => [p.route, p] as const))('%s', async (_route, page) => {
    const report = await validator.validateString(page.html, page.file);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId} l.${m.line}: ${m.message}`));
    expect(errors).toEqual([]);
  });
});

describe('links: every internal link, anchor, image, stylesheet and script resolves', () => {
  const ids = new Map(pages.map((p) => [p.route, new Set([...elements(p.document)].map((e) => attr(e, 'id')).filter(Boolean))]));
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const broken: string[] = [];
    for (const el of elements(page.document)) {
      const refs = [attr(el, 'href'), attr(el, 'src'), ...(attr(el, 'srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])]
        .filter((v): v is string => !!v)
        .concat(el.tagName === 'use' ? [attr(el, 'href') ?? ''] : []);
      for (const ref of refs) {
        if (/^(https?:|mailto:|tel:)/.test(ref) || ref === '') continue;
        const url = new URL(ref, `http://site${page.route}`);
        const file = resolveFile(dist, url.pathname);
        if (!file) broken.push(`${el.tagName} ${ref}`);
        else if (url.hash && file.endsWith('.html')) {
          const targetRoute = url.pathname.endsWith('/') ? url.pathname : url.pathname;
          const anchor = decodeURIComponent(url.hash.slice(1));
          const known = ids.get(targetRoute);
          if (known && !known.has(anchor)) broken.push(`${el.tagName} ${ref} (ancre absente)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('no injection', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s: only the site’s own scripts, no on* attribute, no javascript: URL, CSP set', (_route, page) => {
    const problems: string[] = [];
    const csp = byTag(page, 'meta').find((m) => attr(m, 'http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(csp, 'Content-Security-Policy meta').toBeDefined();
    const policy = attr(csp!, 'content')!;
    expect(policy).toMatch(/default-src 'self'/);
    const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.split(' ')[0] === name) ?? '';
    const scriptSrc = directive('script-src');
    if (page.route === '/admin/') {
      // The editing interface, and only it: Decap compiles its configuration's validator ('unsafe-eval') and
      // writes its styles as <style> elements (style-src-elem); nothing else is relaxed, and never a wildcard.
      expect(scriptSrc).toMatch(/'unsafe-eval'/);
      expect(directive('style-src-elem')).toBe("style-src-elem 'self' 'unsafe-inline'");
      expect(policy.replace("'wasm-unsafe-eval'", '').replace("'unsafe-eval'", '').replace(directive('style-src-elem'), '')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    } else {
      // Only 'wasm-unsafe-eval' (Pagefind's WebAssembly), never 'unsafe-inline', 'unsafe-eval' or a wildcard.
      expect(policy.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    for (const el of elements(page.document)) {
      for (const a of el.attrs) {
        if (/^on/i.test(a.name)) problems.push(`${el.tagName} @${a.name}`);
        if (/^\s*(javascript|vbscript|data):/i.test(a.value) && ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) {
          if (!(a.name === 'src' && el.tagName === 'img' && /^data:image\/(png|gif|webp|jpeg)/.test(a.value))) problems.push(`${el.tagName} @${a.name}=${a.value.slice(0, 40)}`);
        }
      }
      if (el.tagName === 'script') {
        const src = attr(el, 'src');
        if (src) {
          if (!/^\/(dsfr|_astro)\//.test(src)) problems.push(`script ${src}`);
        } else if (['application/ld+json', 'application/json'].includes(attr(el, 'type') ?? '')) {
          // A data block (structured data, a page's data for its script): never executed, so outside the CSP; it must be JSON.
          try {
            JSON.parse(text(el));
          } catch {
            problems.push('JSON-LD illisible');
          }
        } else {
          const body = text(el);
          const hash = `sha256-${createHash('sha256').update(body).digest('base64')}`;
          if (!scriptSrc.includes(`'${hash}'`)) problems.push(`script en ligne non hachée : ${body.slice(0, 60)}`);
        }
      }
      if (['iframe', 'object', 'embed', 'base'].includes(el.tagName)) problems.push(el.tagName);
    }
    expect(problems).toEqual([]);
  });

  it('no SVG served by the site carries a script or an event handler', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : n.endsWith('.svg') ? [path.join(dir, n)] : []));
    const bad = walk(dist).filter((f) => /<script|\son[a-z]+\s*=|javascript:/i.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// RGAA 4.1, criteria that can be checked on the markup
// ---------------------------------------------------------------------------

function headings(page: BuiltPage): Array<{ level: number; text: string }> {
  return [...elements(page.document)].filter((e) => /^h[1-6]$/.test(e.tagName)).map((e) => ({ level: Number(e.tagName[1]), text: text(e).trim() }));
}

describe('RGAA 1.1 — every image has a text alternative', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const missing = byTag(page, 'img').filter((img) => attr(img, 'alt') === undefined).map((img) => attr(img, 'src'));
    const svgs = byTag(page, 'svg').filter((s) => attr(s, 'aria-hidden') !== 'true' && !attr(s, 'aria-label') && attr(s, 'role') !== 'img');
    expect(missing).toEqual([]);
    expect(svgs.length).toBe(0);
  });
});

describe('RGAA 5.4–5.7 — data tables have a caption and header cells with scope', () => {
  const withTables = pages.filter((p) => byTag(p, 'table').length > 0);
  it('some pages have tables', () => expect(withTables.length).toBeGreaterThan(5));
  it.each(withTables.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    for (const table of byTag(page, 'table')) {
      const inner = [...elements(table)];
      expect(inner.some((e) => e.tagName === 'caption' && text(e).trim().length > 0)).toBe(true);
      const ths = inner.filter((e) => e.tagName === 'th');
      expect(ths.length).toBeGreaterThan(0);
      expect(ths.filter((th) => !['col', 'row', 'colgroup', 'rowgroup'].includes(attr(th, 'scope') ?? ''))).toEqual([]);
    }
  });
});

/** A table of a built page as the header algorithm reads it (tests/table-headers.ts). */
function tableModel(table: Element): TableModel {
  const rows: RowModel[] = [];
  const sections = table.childNodes.filter((n): n is Element => 'tagName' in n && ['thead', 'tbody', 'tfoot'].includes((n as Element).tagName));
  sections.forEach((section) => {
    const group = table.childNodes.indexOf(section);
    for (const tr of section.childNodes.filter((n): n is Element => 'tagName' in n && (n as Element).tagName === 'tr')) {
      rows.push({
        group,
        groupTag: section.tagName as RowModel['groupTag'],
        cells: tr.childNodes
          .filter((n): n is Element => 'tagName' in n && ['td', 'th'].includes((n as Element).tagName))
          .map((c) => ({
            tag: c.tagName as 'td' | 'th',
            id: attr(c, 'id'),
            headers: attr(c, 'headers'),
            scope: attr(c, 'scope'),
            colspan: Number(attr(c, 'colspan') ?? 1),
            rowspan: Number(attr(c, 'rowspan') ?? 1),
            name: text(c),
          })),
      });
    }
  });
  const caption = [...elements(table)].find((e) => e.tagName === 'caption');
  return { caption: (caption ? text(caption) : '(sans titre)').trim().slice(0, 80), rows };
}

describe('RGAA 5.6, 5.7 — every data cell of every table resolves to its row, column and group headers (HTML table algorithm)', () => {
  const withTables = pages.filter((p) => byTag(p, 'table').length > 0);
  it.each(withTables.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    expect(byTag(page, 'table').flatMap((t) => headerProblems(tableModel(t)))).toEqual([]);
  });
  it('complex tables (row-group headers) use id and headers, as RGAA 5.7’s technique asks', () => {
    const complex = withTables.flatMap((p) => byTag(p, 'table').filter((t) => [...elements(t)].some((e) => attr(e, 'scope') === 'rowgroup')).map((t) => [p.route, t] as const));
    expect(complex.length).toBeGreaterThan(0);
    for (const [route, table] of complex) {
      const cells = [...elements(table)];
      expect(cells.filter((e) => e.tagName === 'th' && !attr(e, 'id')).length, route).toBe(0);
      expect(cells.filter((e) => e.tagName === 'td' && !attr(e, 'headers')).length, route).toBe(0);
    }
  });
});

describe('RGAA 8.3 — the default language is French', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    expect(attr(byTag(page, 'html')[0]!, 'lang')).toBe('fr');
  });
});

describe('RGAA 8.5, 8.6 — each page has a unique, meaningful title', () => {
  it('titles are present, unique and end with the site name', () => {
    const titles = contentPages.map((p) => text(byTag(p, 'title')[0]!).trim());
    expect(titles.every((t) => t.length > 10)).toBe(true);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => !t.endsWith('Catalogue des lauréats IA de l’État'))).toEqual([]);
  });
  it.each(contentPages.map((p) => [p.route, p] as const))('%s: the title names the page’s h1', (_route, page) => {
    const title = text(byTag(page, 'title')[0]!);
    const h1 = headings(page).find((h) => h.level === 1)!.text;
    const subject = page.route === '/' ? h1 : h1.replace(/\s+/g, ' ');
    expect(title.replace(/\s+/g, ' ')).toContain(subject.split(' — ')[0]!.slice(0, 40));
  });
});

describe('RGAA 9.1 — one h1 and no skipped heading level', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    // The display-settings dialog (h2) sits outside <main>, after the footer: it is a dialog with its own title.
    const list = headings(page);
    expect(list.filter((h) => h.level === 1)).toHaveLength(1);
    expect(list[0]!.level).toBe(1);
    const skipped = list.filter((h, i) => i > 0 && h.level > list[i - 1]!.level + 1).map((h) => `h${h.level} « ${h.text} »`);
    expect(skipped).toEqual([]);
  });
});

describe('RGAA 12.1 — three navigation systems on every page: menu, search and site map', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const navs = byTag(page, 'nav');
    expect(navs.some((n) => attr(n, 'aria-label') === 'Menu principal')).toBe(true);
    const search = byTag(page, 'form').find((f) => attr(f, 'role') === 'search' && attr(f, 'action') === '/recherche/');
    expect(search).toBeDefined();
    const input = [...elements(search!)].find((e) => e.tagName === 'input' && attr(e, 'name') === 'q')!;
    expect([...elements(search!)].some((e) => e.tagName === 'label' && attr(e, 'for') === attr(input, 'id'))).toBe(true);
    const links = byTag(page, 'a').map((a) => attr(a, 'href'));
    expect(links.filter((h) => h === '/plan-du-site/').length).toBeGreaterThanOrEqual(1);
  });
});

describe('RGAA 12.6 — landmarks', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const all = [...elements(page.document)];
    expect(all.filter((e) => e.tagName === 'main')).toHaveLength(1);
    expect(all.filter((e) => e.tagName === 'header' && attr(e, 'role') === 'banner')).toHaveLength(1);
    expect(all.filter((e) => e.tagName === 'footer' && attr(e, 'role') === 'contentinfo')).toHaveLength(1);
    const labels = all.filter((e) => e.tagName === 'nav').map((n) => attr(n, 'aria-label'));
    expect(labels.every(Boolean)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('RGAA 12.7 — skip links to the content, the menu and the footer', () => {
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const skip = [...elements(page.document)].find((e) => (attr(e, 'class') ?? '').split(' ').includes('fr-skiplinks'));
    expect(skip).toBeDefined();
    const targets = [...elements(skip!)].filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
    expect(targets).toEqual(['#contenu', '#navigation-principale', '#recherche-entete-champ', '#pied-de-page']);
    const ids = new Set([...elements(page.document)].map((e) => attr(e, 'id')));
    for (const t of targets) expect(ids.has(t!.slice(1))).toBe(true);
  });
});

export type { Element };

describe('DSFR loaded per page kind: every fr-* class a page uses is styled by the CSS it loads', () => {
  const cssCache = new Map<string, string>();
  // The bundles as assembled, before the build reduced them to the rules the pages use
  // (tests/e2e/dsfr-purge.test.ts checks that reduction): this checks which components each page kind loads.
  const WHOLE_BUNDLES = path.resolve(import.meta.dirname, '../../public');
  const css = (href: string) => {
    if (!cssCache.has(href)) cssCache.set(href, readFileSync(resolveFile(href.startsWith('/dsfr/bundles/') ? WHOLE_BUNDLES : dist, href)!, 'utf8'));
    return cssCache.get(href)!;
  };
  // Classes of the DSFR's documented markup that carry no style of their own.
  const HOOKS = new Set(['fr-footer__content-item']);
  it.each(pages.map((p) => [p.route, p] as const))('%s', (_route, page) => {
    const sheets = byTag(page, 'link').filter((l) => attr(l, 'rel') === 'stylesheet').map((l) => attr(l, 'href')!);
    expect(sheets.some((h) => h.startsWith('/dsfr/bundles/'))).toBe(true);
    expect(sheets).not.toContain('/dsfr/dsfr.min.css');
    const styles = sheets.map(css).join('\n');
    const classes = new Set([...elements(page.document)].flatMap((e) => (attr(e, 'class') ?? '').split(/\s+/)).filter((c) => c.startsWith('fr-')));
    const unstyled = [...classes].filter((c) => !HOOKS.has(c) && !new RegExp(`\\.${c.replace(/[-]/g, '\\-')}(?![\\w-])`).test(styles));
    expect(unstyled).toEqual([]);
  });
});

describe('the verification mechanism on the real entries', () => {
  // Every 2018 or 2019 project whose code is public carries a verification of its repository, shown on its page.
  const root = path.resolve(import.meta.dirname, '../../content/laureates');
  const withCode = ['ami-ia-2018', 'ami-ia-2019'].flatMap((call) =>
    readdirSync(path.join(root, call))
      .filter((f) => f.endsWith('.md'))
      .map((f) => [f.replace(/\.md$/, ''), /^\s+repositoryUrl: (\S+)$/m.exec(readFileSync(path.join(root, call, f), 'utf8'))?.[1]] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  );
  it('some projects publish their code', () => expect(withCode.length).toBeGreaterThanOrEqual(7));
  it.each(withCode)('/solutions/%s/ shows its public code « vérifié », with the date and the repository as source', (id, repository) => {
    const page = pages.find((p) => p.route === `/solutions/${id}/`)!;
    expect(text(page.document)).toMatch(/Code public : vérifié le \d+ \S+ 20\d\d par l’équipe du catalogue/);
    expect(byTag(page, 'a').some((a) => attr(a, 'href') === repository && text(a).includes('source de la vérification'))).toBe(true);
  });
});
