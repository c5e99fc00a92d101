/**
 * More RGAA criteria read from the markup of every built page (the grid,
 * src/lib/rgaa/grille-rgaa.yaml, names these blocks): frames and media
 * absent (so « non applicable » is checked, not assumed), links named and
 * unambiguous, form fields labelled and grouped, no window opened without
 * warning, no presentational attributes or shortcuts.
 */
import { describe, expect, inject, it } from 'vitest';
import { attr, elements, loadPages, text, type BuiltPage, type Element } from './pages.ts';

const dist = inject('distDir');
/** Every page but the editing interface (an internal tool, outside the audit: see the grid). */
const pages = loadPages(dist).filter((p) => !p.route.startsWith('/admin/'));
const all = (page: BuiltPage) => [...elements(page.document)];
const each = pages.map((p) => [p.route, p] as const);

/** The accessible name of a link or a control, computed from the markup (aria-labelledby, aria-label, content with alternatives, title). */
function accessibleName(el: Element, page: BuiltPage): string {
  const byId = (id: string) => all(page).find((e) => attr(e, 'id') === id);
  const labelledBy = attr(el, 'aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => (byId(id) ? text(byId(id)!) : '')).join(' ').replace(/\s+/g, ' ').trim();
  const label = attr(el, 'aria-label');
  if (label) return label.trim();
  const content = [...elements(el)]
    .map((e) => (e.tagName === 'img' ? (attr(e, 'alt') ?? '') : ''))
    .join(' ');
  const name = `${text(el)} ${content}`.replace(/\s+/g, ' ').trim();
  return name || (attr(el, 'title') ?? '').trim();
}

describe('RGAA 2.1, 2.2 — frames: none on any page', () => {
  it.each(each)('%s', (_route, page) => {
    expect(all(page).filter((e) => e.tagName === 'iframe' || e.tagName === 'frame').length).toBe(0);
  });
});

describe('RGAA 4 — media: no audio, video, object or embedded content on any page', () => {
  it.each(each)('%s', (_route, page) => {
    expect(all(page).filter((e) => ['audio', 'video', 'object', 'embed', 'applet', 'bgsound'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
  });
});

describe('RGAA 6.1, 6.2 — every link has a name, and links with the same name lead to the same place', () => {
  it.each(each)('%s', (_route, page) => {
    const links = all(page).filter((e) => e.tagName === 'a' && attr(e, 'href') !== undefined);
    const unnamed = links.filter((a) => !accessibleName(a, page)).map((a) => attr(a, 'href'));
    expect(unnamed).toEqual([]);
    // Same name, different destination (fragments aside): an ambiguous « Voir », « En savoir plus ».
    const targets = new Map<string, Set<string>>();
    for (const a of links) {
      const name = accessibleName(a, page).toLocaleLowerCase('fr');
      const href = attr(a, 'href')!.split('#')[0]!;
      if (!href) continue;
      if (!targets.has(name)) targets.set(name, new Set());
      targets.get(name)!.add(href);
    }
    const ambiguous = [...targets].filter(([, hrefs]) => hrefs.size > 1).map(([name, hrefs]) => `« ${name} » → ${[...hrefs].join(', ')}`);
    expect(ambiguous).toEqual([]);
  });
});

describe('RGAA 11.1, 11.2, 11.5, 11.6, 11.9 — every field has a label, every group of fields a legend, every button a name', () => {
  it.each(each)('%s', (_route, page) => {
    const els = all(page);
    const labelFor = new Set(els.filter((e) => e.tagName === 'label').map((l) => attr(l, 'for')));
    const fields = els.filter((e) => ['input', 'select', 'textarea'].includes(e.tagName) && !['hidden', 'submit', 'reset', 'button'].includes(attr(e, 'type') ?? ''));
    const unlabelled = fields.filter((f) => !(attr(f, 'id') && labelFor.has(attr(f, 'id'))) && !attr(f, 'aria-label') && !attr(f, 'aria-labelledby') && !attr(f, 'title'));
    expect(unlabelled.map((f) => attr(f, 'id') ?? attr(f, 'name'))).toEqual([]);
    for (const fieldset of els.filter((e) => e.tagName === 'fieldset')) {
      const legend = fieldset.childNodes.find((c) => (c as Element).tagName === 'legend') as Element | undefined;
      expect(legend && text(legend).trim(), `fieldset ${attr(fieldset, 'id') ?? ''}`).toBeTruthy();
    }
    const buttons = els.filter((e) => e.tagName === 'button' || (e.tagName === 'input' && ['submit', 'reset', 'button'].includes(attr(e, 'type') ?? '')));
    expect(buttons.filter((b) => !accessibleName(b, page) && !attr(b, 'value')).map((b) => attr(b, 'id') ?? attr(b, 'class'))).toEqual([]);
  });
});

describe('RGAA 13.2 — no new window without the user being told', () => {
  it.each(each)('%s', (_route, page) => {
    const blank = all(page).filter((e) => e.tagName === 'a' && attr(e, 'target') === '_blank');
    expect(blank.filter((a) => !/nouvelle fen[êe]tre/i.test(`${accessibleName(a, page)} ${attr(a, 'title') ?? ''}`)).map((a) => attr(a, 'href'))).toEqual([]);
  });
});

describe('RGAA 8.10, 10.1, 12.10 — no change of reading direction, no presentational attributes, no single-key shortcut', () => {
  it.each(each)('%s', (_route, page) => {
    const els = all(page);
    expect(els.filter((e) => attr(e, 'dir') !== undefined && attr(e, 'dir') !== 'ltr').length).toBe(0);
    const presentational = ['align', 'bgcolor', 'color', 'face', 'valign', 'hspace', 'vspace', 'background'];
    expect(els.filter((e) => e.attrs.some((a) => presentational.includes(a.name)) || ['font', 'center', 'marquee', 'blink'].includes(e.tagName)).map((e) => e.tagName)).toEqual([]);
    expect(els.filter((e) => attr(e, 'accesskey') !== undefined).length).toBe(0);
  });
});

describe('RGAA 12.8 — the tab order follows the reading order', () => {
  it.each(each)('%s: no positive tabindex reorders the page', (_route, page) => {
    expect(all(page).filter((e) => Number(attr(e, 'tabindex') ?? '0') > 0).map((e) => e.tagName)).toEqual([]);
  });
});
