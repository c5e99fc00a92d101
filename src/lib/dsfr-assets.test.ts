import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLES, DSFR_VERSION, ICONS, absoluteUrls, bundleFiles, bundleParts, componentParts, dsfrFile, iconsCss } from './dsfr-assets.ts';

const dist = path.join(path.dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');

describe('componentParts (read from the DSFR’s own README)', () => {
  it('lists the header’s dependencies in the DSFR’s order, modern CSS only', () => {
    const parts = componentParts(dist, 'header');
    expect(parts.css[0]).toBe('core/core.main.min.css');
    expect(parts.css.at(-1)).toBe('component/header/header.main.min.css');
    expect(parts.css).toContain('component/navigation/navigation.main.min.css');
    expect(parts.js[0]).toBe('core/core.module.min.js');
    expect(parts.js).toContain('component/navigation/navigation.module.min.js');
    expect(parts.css.join()).not.toContain('legacy');
  });
  it('names an unknown component', () => {
    expect(() => componentParts(dist, 'carrousel')).toThrow(/« carrousel » introuvable/);
  });
});

describe('bundles', () => {
  it('load the core first, each file once, and leave the language selector out', () => {
    for (const components of Object.values(BUNDLES)) {
      const parts = bundleParts(dist, components);
      expect(parts.css[0]).toBe('core/core.main.min.css');
      expect(new Set(parts.css).size).toBe(parts.css.length);
      expect(parts.css.join()).not.toContain('translate');
      expect(parts.js.filter((f) => f.startsWith('core/'))).toEqual(['core/core.module.min.js']);
    }
  });
  it('carry the dark palette with the display settings’ scheme switch (scheme.min.css, which the display README omits)', () => {
    for (const [name, components] of Object.entries(BUNDLES)) {
      expect(bundleParts(dist, components).css, name).toContain('scheme/scheme.min.css');
      expect(bundleFiles(dist).get(`${name}.css`), name).toContain(':root[data-fr-theme=dark]{');
      expect(bundleFiles(dist).get(`${name}.css`), name).toMatch(/--blue-france-sun-113-625:#8585f6/);
    }
  });
  it('rewrite relative URLs to the shipped files’ versioned paths (/dsfr/<version>/), leaving data: and absolute ones', () => {
    const v = `/dsfr/${DSFR_VERSION}`;
    expect(DSFR_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(dsfrFile('fonts/M.woff2')).toBe(`${v}/fonts/M.woff2`);
    expect(absoluteUrls('a{src:url(../fonts/M.woff2)}b{x:url("../../icons/system/a.svg")}c{y:url(data:image/png;base64,AA)}', 'component/header/header.main.min.css')).toBe(
      `a{src:url(${v}/component/fonts/M.woff2)}b{x:url("${v}/icons/system/a.svg")}c{y:url(data:image/png;base64,AA)}`,
    );
    expect(absoluteUrls('a{src:url(../fonts/M.woff2)}', 'core/core.main.min.css')).toBe(`a{src:url(${v}/fonts/M.woff2)}`);
  });
  it('wrap each module in a block so their top-level constants cannot collide', () => {
    const js = bundleFiles(dist).get('fiche.js')!;
    expect(js.match(/^\{$/gm)?.length).toBe(bundleParts(dist, BUNDLES.fiche).js.length);
    expect(() => new Function(js.replace(/window\.dsfr/g, '({})'))).not.toThrow(SyntaxError);
  });
  it('keep only the icons the site shows, pointing at the shipped SVG files', () => {
    const css = iconsCss(dist, ICONS);
    for (const icon of ICONS) expect(css).toContain(`.${icon}:before`);
    expect(css).not.toContain('fr-icon-arrow-down-circle-fill');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url.startsWith(`/dsfr/${DSFR_VERSION}/`), url).toBe(true);
      expect(() => readFileSync(path.join(dist, url.slice(`/dsfr/${DSFR_VERSION}/`.length)))).not.toThrow();
    }
    expect(() => iconsCss(dist, ['fr-icon-licorne-line'])).toThrow(/« fr-icon-licorne-line » introuvable/);
  });
});
