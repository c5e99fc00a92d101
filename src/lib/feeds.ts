/**
 * The RSS feeds of the catalogue: one for every laureate, one per call.
 * Pure functions over the open-data records, so the feeds say what the data says.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { SITE } from './site.ts';
import { FEED_PATH, callFeedPath } from './opendata/dataset.ts';
import type { OpenDataLaureate } from './opendata/record.ts';
import { SECNUMCLOUD_STATUSES, categoryBySlug, thematicBySlug } from '../schemas/taxonomy.ts';

export interface Feed {
  /** Path of the feed file. */
  path: string;
  /** Route parameter: `laureats` or a call's id. */
  slug: string;
  title: string;
  description: string;
  /** Only the laureates of this call; every laureate when absent. */
  callId?: string;
}

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
  ];
}

/** One item per laureate, in the records' order (newest selection first). */
export function feedItems(records: readonly OpenDataLaureate[], feed: Feed): RSSFeedItem[] {
  return records
    .filter((r) => !feed.callId || r.call === feed.callId)
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
