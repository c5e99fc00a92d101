/**
 * The RSS feeds of the catalogue: one for every laureate, one per call, one
 * per thematic and one per category (a buyer subscribes to a subject).
 * Pure functions over the open-data records, so the feeds say what the data says.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { SITE } from './site.ts';
import { FEED_PATH, callFeedPath, categoryFeedPath, thematicFeedPath } from './opendata/dataset.ts';
import type { OpenDataLaureate } from './opendata/record.ts';
import { CATEGORIES, SECNUMCLOUD_STATUSES, THEMATICS, categoryBySlug, thematicBySlug } from '../schemas/taxonomy.ts';

export interface Feed {
  /** Path of the feed file. */
  path: string;
  /** Route parameter: `laureats`, a call's id, `thematique-<slug>`, `categorie-<slug>`. */
  slug: string;
  title: string;
  description: string;
  /** Only the laureates of this call; every laureate when absent. */
  callId?: string;
  /** Only the laureates that declared this thematic. */
  thematic?: string;
  /** Only the laureates of this category. */
  category?: string;
}

const slugOf = (path: string) => path.replace(/^\/flux\//, '').replace(/\.xml$/, '');

export function feeds(calls: ReadonlyArray<{ id: string; data: { title: string; shortTitle: string } }>): Feed[] {
  return [
    {
      path: FEED_PATH,
      slug: 'laureats',
      title: `${SITE.name} : tous les lauréats`,
      description: 'Les lauréats des appels à manifestation d’intérêt de l’État sur l’IA, de la sélection la plus récente à la plus ancienne.',
    },
    ...calls.map((c) => ({
      path: callFeedPath(c.id),
      slug: c.id,
      title: `${SITE.name} : lauréats de l’${c.data.shortTitle}`,
      description: `Les lauréats de l’${c.data.title}, de la sélection la plus récente à la plus ancienne.`,
      callId: c.id,
    })),
    ...THEMATICS.map((t) => ({
      path: thematicFeedPath(t.slug),
      slug: slugOf(thematicFeedPath(t.slug)),
      title: `${SITE.name} : thématique « ${t.label} »`,
      description: `Les lauréats qui déclarent la thématique « ${t.label} », de la sélection la plus récente à la plus ancienne.`,
      thematic: t.slug,
    })),
    ...CATEGORIES.map((c) => ({
      path: categoryFeedPath(c.slug),
      slug: slugOf(categoryFeedPath(c.slug)),
      title: `${SITE.name} : ${c.label}`,
      description: `Les lauréats de la catégorie « ${c.label} », de la sélection la plus récente à la plus ancienne.`,
      category: c.slug,
    })),
  ];
}

/** The feed of a call, a thematic or a category (what its page announces). */
export const feedOf = (all: readonly Feed[], key: { callId?: string; thematic?: string; category?: string }): Feed | undefined =>
  all.find((f) => (key.callId && f.callId === key.callId) || (key.thematic && f.thematic === key.thematic) || (key.category && f.category === key.category));

/** One item per laureate, in the records' order (newest selection first). */
export function feedItems(records: readonly OpenDataLaureate[], feed: Feed): RSSFeedItem[] {
  return records
    .filter((r) => (!feed.callId || r.call === feed.callId) && (!feed.thematic || r.thematics.includes(feed.thematic as never)) && (!feed.category || r.category === feed.category))
    .map((r) => {
      const facts = [
        `Porté par ${r.submitter.name}.`,
        r.dataSecurity ? `${SECNUMCLOUD_STATUSES.label(r.dataSecurity.secNumCloud)}.` : undefined,
        r.demo ? 'Fiche de démonstration (fictive).' : undefined,
      ].filter(Boolean);
      return {
        title: r.demo ? `${r.name} (démonstration)` : r.name,
        link: r.url,
        pubDate: new Date(`${r.selectedOn}T00:00:00Z`),
        description: `${r.summary} ${facts.join(' ')}`,
        categories: [
          r.callTitle,
          ...(r.category ? [categoryBySlug(r.category).shortLabel] : []),
          ...r.thematics.map((t) => thematicBySlug(t).label),
        ],
      };
    });
}
