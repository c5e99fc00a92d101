/**
 * Reads the collections once per build and exposes what the routes need.
 * The only module (with the routes) that talks to astro:content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished, sortLaureates } from './view/laureate.ts';

export type LaureateEntry = CollectionEntry<'laureates'>;
export type CallEntry = CollectionEntry<'calls'>;

export async function publishedLaureates(): Promise<LaureateEntry[]> {
  return sortLaureates((await getCollection('laureates')).filter(isPublished));
}

export async function callsById(): Promise<Map<string, CallEntry>> {
  const calls = await getCollection('calls');
  return new Map(calls.map((c) => [c.id, c]));
}

/** The call of a laureate (the validator guarantees it exists). */
export function callOf(calls: Map<string, CallEntry>, laureate: LaureateEntry): CallEntry {
  const call = calls.get(laureate.data.call);
  if (!call) throw new Error(`${laureate.id}: appel « ${laureate.data.call} » inconnu`);
  return call;
}
