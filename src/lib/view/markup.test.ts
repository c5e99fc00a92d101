import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import { h, jsonForScript, safeHref, toHtml } from './markup.ts';
import { comparisonTable } from './compare.ts';
import { comparisonColumn, comparisonSpec } from './compare-columns.ts';
import { comparisonTableMarkup } from './compare-markup.ts';
import type { CallLike } from './laureate.ts';

describe('toHtml', () => {
  it('escapes text and attributes, writes bare boolean attributes, leaves false ones out', () => {
    expect(toHtml(h('p', { title: '"><script>', hidden: true, 'aria-pressed': false }, '<img src=x onerror=alert(1)> & co'))).toBe(
      '<p title="&quot;&gt;&lt;script&gt;" hidden>&lt;img src=x onerror=alert(1)&gt; &amp; co</p>',
    );
  });
  it('refuses links that are not the site’s paths or web addresses, and odd names', () => {
    expect(safeHref('/solutions/plume/')).toBe('/solutions/plume/');
    expect(safeHref('https://exemple.fr')).toBe('https://exemple.fr');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:x', '//evil.example', 'data:text/html,x', ' https://x']) expect(() => safeHref(bad), bad).toThrow(/refusée/);
    expect(() => toHtml(h('a', { href: 'javascript:alert(1)' }))).toThrow();
    expect(() => toHtml(h('p', { 'on click': 'x' }))).toThrow();
  });
});

describe('jsonForScript', () => {
  it('cannot close its script element nor open a comment, and reads back the same', () => {
    const value = { name: '</script><script>alert(1)</script><!--', and: 'a & b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('comparisonTableMarkup', () => {
  const schema = laureateSchema(() => z.string());
  const call: CallLike = { id: 'solutions-ia-2025', data: { title: 'AMI', shortTitle: 'AMI', year: 2025, kind: 'solutions-marche' } };
  const col = (id: string, o: Record<string, unknown> = {}) => comparisonColumn({ id, data: schema.parse(validLaureate({ name: `Solution ${id}`, ...o })) }, call);
  const html = toHtml(comparisonTableMarkup(comparisonTable([col('a'), col('b', { costs: { pricingModel: 'licence', deploymentCost: 5 } })], comparisonSpec()), 'cmp'));

  it('has a caption naming the region, one column header per solution (its name), group and row headers', () => {
    expect(html).toContain('<div class="fr-table__container" tabindex="0" role="region" aria-labelledby="cmp">');
    expect(html).toContain('<caption id="cmp">Comparaison de 2 solutions : Solution a, Solution b<div class="fr-table__caption__desc">Une colonne par solution, dont l’en-tête mène à sa fiche ; les lignes sont groupées en rubriques, chacune ouverte par une ligne de titre : En bref, Impact mesuré, ');
    expect(html).toContain('<th scope="col" id="cmp-col-1"><a href="/solutions/a/">Solution a</a></th><th scope="col" id="cmp-col-2"><a href="/solutions/b/">Solution b</a></th>');
    expect(html).toMatch(/<tr class="comparaison__groupe"><th scope="rowgroup" colspan="3" id="cmp-groupe-(\d)">Coûts<\/th><\/tr>/);
    expect(html).toMatch(/<tr data-identique><th scope="row" id="cmp-ligne-1-\d+" headers="cmp-groupe-1 cmp-critere">Catégorie<\/th>/);
  });

  it('RGAA 5.7: every header cell has an id, every data cell names its group, its row and its column (headers)', () => {
    const group = /id="cmp-groupe-(\d)">Coûts/.exec(html)![1];
    const row = new RegExp(`<th scope="row" id="(cmp-ligne-${group}-\\d+)" headers="cmp-groupe-${group} cmp-critere">Coût indicatif de déploiement</th>`).exec(html)![1];
    expect(html).toContain(
      `<td headers="cmp-groupe-${group} ${row} cmp-col-1">1\u202f000\u00a0€ HT</td><td headers="cmp-groupe-${group} ${row} cmp-col-2">5\u00a0€ HT<p class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--success">le plus bas</p></td></tr>`,
    );
    expect(html.match(/<td>/g)).toBeNull();
  });
});
