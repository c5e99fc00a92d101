import { describe, expect, it } from 'vitest';
import { addWords, classesIn, dsfrVocabulary, usedDsfrCss } from './dsfr-purge.ts';

const DSFR_JS = `
const ns = name => \`\${config.prefix}-\${name}\`;
class Collapse { static get instanceClassName () { return 'Collapse'; } init () { this.addClass(ns.selector('collapsing')); } }
const DisclosureType = { EXPAND: { id: 'expanded', ariaState: true }, OPENED: { id: 'opened' } };
document.documentElement.setAttribute(ns.attr('theme'), 'dark');
`;

const CSS = `
:root { --text-default-grey: #3a3a3a; --unused-token: red; --border-default-grey: #ddd; }
:root[data-fr-theme=dark] { --text-default-grey: #eee; }
.fr-collapse { margin-top: var(--collapse); color: var(--text-default-grey); }
.fr-collapse--expanded { max-height: none; }
.fr-collapse--bogus { color: red; }
.fr-collapse.fr-collapsing { transition: none; }
.fr-accordion { border: 1px solid; }
.fr-btn[aria-expanded=true] { background: blue; }
.fr-mt-4w { margin-top: 2rem; }
.fr-mt-8w { margin-top: 4rem; }
@keyframes unused { from { opacity: 0; } }
`;

describe('the DSFR CSS reduced to what the pages use', () => {
  it('reads from the DSFR’s scripts the classes, attributes and state words they create', () => {
    const v = dsfrVocabulary(DSFR_JS);
    expect(v.classes).toContain('fr-collapsing');
    expect(v.attributes).toContain('data-fr-theme');
    expect(v.words).toContain('expanded');
    expect(v.words).toContain('opened');
  });

  it('finds whole DSFR class names in HTML and scripts, not pieces of others', () => {
    expect([...classesIn('<p class="fr-badge fr-badge--info">x</p><div class="my-fr-thing">')]).toEqual(['fr-badge', 'fr-badge--info']);
  });

  it('keeps the rules the pages can match in every state, drops the rest', async () => {
    const out = await usedDsfrCss({
      css: CSS,
      words: addWords(new Set(), '<div class="fr-collapse fr-mt-4w"></div><button class="fr-btn" aria-expanded="false">Menu</button>'),
      scripts: [],
      ownCss: ['.carte { border-color: var(--border-default-grey); }'],
      dsfrJs: DSFR_JS,
    });
    for (const kept of ['.fr-collapse {', '.fr-collapse--expanded', '.fr-collapse.fr-collapsing', '.fr-btn[aria-expanded=true]', '.fr-mt-4w', ':root[data-fr-theme=dark]', '--border-default-grey', '--text-default-grey']) expect(out, kept).toContain(kept);
    for (const dropped of ['.fr-collapse--bogus', '.fr-accordion', '.fr-mt-8w', '--unused-token', '@keyframes unused']) expect(out, dropped).not.toContain(dropped);
  });
});
