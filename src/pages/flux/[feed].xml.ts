/** /flux/laureats.xml and /flux/<call>.xml: RSS 2.0 feeds of the laureates. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { openDataRecords } from '../../lib/data.ts';
import { feedItems, feeds, type Feed } from '../../lib/feeds.ts';

export const getStaticPaths = (async () =>
  feeds(await getCollection('calls')).map((feed) => ({ params: { feed: feed.slug }, props: { feed } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ feed: Feed }> = async ({ site, props: { feed } }) => {
  const self = new URL(feed.path, site).href;
  return rss({
    title: feed.title,
    description: feed.description,
    site: site!,
    items: feedItems(await openDataRecords(), feed),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>fr-fr</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
