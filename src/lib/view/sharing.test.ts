import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { laureateSchema } from '../../schemas/laureate.ts';
import { validLaureate } from '../../../tests/factories.ts';
import type { CallLike } from './laureate.ts';
import { laureateImageAlt, laureateJsonLd, laureateSharingCard, openGraphTags } from './sharing.ts';

const parse = (o: Record<string, unknown> = {}) => laureateSchema(() => z.string()).parse(validLaureate(o));
const call2025: CallLike = { id: 'solutions-ia-2025', data: { title: 'AMI Solutions d’IA pour le public', shortTitle: 'Solutions d’IA (2025)', year: 2025, kind: 'solutions-marche' } };
const call2019: CallLike = { id: 'ami-ia-2019', data: { title: 'AMI IA saison 2', shortTitle: 'AMI IA (2019)', year: 2019, kind: 'projets-administration' } };
const site = new URL('https://catalogue.example.gouv.fr/');

describe('sharing', () => {
  it('gives every Open Graph and Twitter tag with absolute URLs', () => {
    const tags = openGraphTags({ title: 'Plume', description: 'Résumé', url: new URL('/solutions/plume/', site), image: { path: '/partage/solutions/plume.png', alt: 'Plume' }, type: 'article' });
    const get = (key: string) => tags.find((t) => t.key === key)?.content;
    expect(get('og:url')).toBe('https://catalogue.example.gouv.fr/solutions/plume/');
    expect(get('og:image')).toBe('https://catalogue.example.gouv.fr/partage/solutions/plume.png');
    expect(get('twitter:card')).toBe('summary_large_image');
    expect(get('og:image:alt')).toBe('Plume');
    expect(tags.filter((t) => t.key.startsWith('og:')).every((t) => t.attribute === 'property')).toBe(true);
  });

  it('draws the category on a laureate’s card, else its call; says when the fiche is a demonstration', () => {
    expect(laureateSharingCard(parse(), call2025, 'catalogue.example.gouv.fr')).toMatchObject({ tag: 'Solution applicative', demo: true });
    expect(laureateSharingCard(parse({ category: undefined, thematics: [] }), call2019, 'h')).toMatchObject({ tag: 'AMI IA (2019)' });
    expect(laureateImageAlt(parse())).toMatch(/\(fiche de démonstration\)$/);
  });

  it('describes a laureate in schema.org terms, a public body as a GovernmentOrganization', () => {
    const ld = laureateJsonLd('plume', parse({ submitter: { name: 'DGS', kind: 'organisme-public', siret: '110044013' } }), call2025, site);
    expect(ld).toMatchObject({
      '@type': 'SoftwareApplication',
      url: 'https://catalogue.example.gouv.fr/solutions/plume/',
      creator: { '@type': 'GovernmentOrganization', name: 'DGS', identifier: { propertyID: 'SIREN', value: '110044013' } },
      award: expect.stringMatching(/^Lauréat : AMI Solutions d’IA pour le public \(\d{4}\)$/),
    });
  });
});
