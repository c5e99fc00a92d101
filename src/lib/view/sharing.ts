/**
 * How pages present themselves outside the site: Open Graph and Twitter
 * metadata, the sharing image's content, and schema.org JSON-LD of a laureate.
 */
import type { CardContent } from '../og/card.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../og/card.ts';
import { categoryBySlug, thematicBySlug } from '../../schemas/taxonomy.ts';
import { SITE } from '../site.ts';
import { isoDay } from './format.ts';
import { laureateHref, type CallLike, type LaureateFacts } from './laureate.ts';

export const DEFAULT_IMAGE_PATH = '/partage/catalogue.png';
export const laureateImagePath = (id: string) => `/partage/solutions/${id}.png`;

export interface SharingImage {
  path: string;
  alt: string;
}

export interface OpenGraphTag {
  /** `property` for Open Graph, `name` for Twitter. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

/** Open Graph and Twitter card tags of a page; URLs made absolute against the site. */
export function openGraphTags(page: {
  title: string;
  description: string;
  url: URL;
  image: SharingImage;
  type: 'website' | 'article';
}): OpenGraphTag[] {
  const image = new URL(page.image.path, page.url).href;
  const og = (key: string, content: string): OpenGraphTag => ({ attribute: 'property', key: `og:${key}`, content });
  const tw = (key: string, content: string): OpenGraphTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  return [
    og('type', page.type),
    og('site_name', SITE.name),
    og('locale', 'fr_FR'),
    og('title', page.title),
    og('description', page.description),
    og('url', page.url.href),
    og('image', image),
    og('image:type', 'image/png'),
    og('image:width', String(CARD_WIDTH)),
    og('image:height', String(CARD_HEIGHT)),
    og('image:alt', page.image.alt),
    tw('card', 'summary_large_image'),
    tw('title', page.title),
    tw('description', page.description),
    tw('image', image),
    tw('image:alt', page.image.alt),
  ];
}

/** The sharing image of a laureate: its name, who carries it, its category (or call). */
export function laureateSharingCard(l: LaureateFacts, call: CallLike, host: string): CardContent {
  return {
    title: l.name,
    subtitle: `Porté par ${l.submitter.name}`,
    tag: l.category ? categoryBySlug(l.category).shortLabel : call.data.shortTitle,
    demo: l.demo,
    host,
  };
}

export function laureateImageAlt(l: LaureateFacts): string {
  return `${l.name}, porté par ${l.submitter.name}${l.demo ? ' (fiche de démonstration)' : ''}`;
}

export const SITE_CARD = (host: string): CardContent => ({
  title: 'Solutions d’intelligence artificielle pour le service public',
  subtitle: 'Les lauréats des appels à manifestation d’intérêt de l’État',
  host,
});

/** schema.org description of a laureate: the software (or project) and the organisation behind it. */
export function laureateJsonLd(id: string, l: LaureateFacts, call: CallLike, site: URL): Record<string, unknown> {
  const url = new URL(laureateHref(id), site).href;
  const organisation = {
    '@type': l.submitter.kind === 'organisme-public' || call.data.kind === 'projets-administration' ? 'GovernmentOrganization' : 'Organization',
    name: l.submitter.name,
    ...(l.submitter.website ? { url: l.submitter.website } : {}),
    ...(l.submitter.siret
      ? { identifier: { '@type': 'PropertyValue', propertyID: l.submitter.siret.length === 9 ? 'SIREN' : 'SIRET', value: l.submitter.siret } }
      : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'SoftwareApplication',
    '@id': `${url}#solution`,
    name: l.name,
    description: l.summary,
    url,
    image: new URL(laureateImagePath(id), site).href,
    applicationCategory: l.category ? categoryBySlug(l.category).label : 'Intelligence artificielle',
    ...(l.thematics.length > 0 ? { keywords: l.thematics.map((t) => thematicBySlug(t).label).join(', ') } : {}),
    inLanguage: 'fr',
    creator: organisation,
    award: `Lauréat : ${call.data.title} (${isoDay(l.selectedOn).slice(0, 4)})`,
    ...(l.openness?.repositoryUrl ? { sameAs: l.openness.repositoryUrl } : {}),
    ...(l.updatedOn ? { dateModified: isoDay(l.updatedOn) } : {}),
    datePublished: isoDay(l.selectedOn),
  };
}
