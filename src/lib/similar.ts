/**
 * « Solutions similaires »: for each fiche, the 3 to 5 nearest other fiches,
 * computed at build time, each with why. A pair scores on what a buyer looks
 * for in an alternative — the same thematics, the same category, the same
 * administrations, the same hosting guarantees (SecNumCloud, on-premise,
 * data location) — and on how close their texts are (TF-IDF over the summary
 * and the description, French stop words removed, Snowball French stemming,
 * cosine similarity). No external service; deterministic (ties by name).
 */
import { stemmer } from '@orama/stemmers/french';
import { stopwords } from '@orama/stopwords/french';
import { AUDIENCES, DATA_LOCATIONS, thematicBySlug } from '../schemas/taxonomy.ts';
import type { LaureateFacts } from './view/laureate.ts';
import { laureateHref } from './view/laureate.ts';
import { compareNames } from './view/order.ts';

export interface SimilarInput {
  id: string;
  data: Pick<LaureateFacts, 'name' | 'summary' | 'category' | 'thematics' | 'audiences' | 'dataSecurity'>;
  /** The fiche's description (its Markdown body). */
  body: string;
}

export interface SimilarLink {
  id: string;
  name: string;
  href: string;
  /** Why, in words: « même thématique : Traduction · aussi qualifiée SecNumCloud ». */
  reasons: string[];
  score: number;
}

/** What each shared trait weighs. Thematics first: they are the finest classification. */
export const WEIGHTS = {
  thematic: 3,
  category: 1.5,
  /** Times the share of audiences in common (Jaccard). */
  audiences: 2,
  secNumCloud: 1,
  onPremise: 1,
  dataLocation: 0.5,
  /** Times the cosine similarity of the texts (0 to 1). */
  text: 6,
} as const;

/** From this cosine on, the texts are said to be close. */
export const CLOSE_TEXT = 0.15;

const STOP = new Set(stopwords);

/** The terms of a text: words of 3 letters or more, lower case, stop words out, stemmed; with the word each stem was first met as. */
export function terms(text: string): { stems: string[]; words: Map<string, string> } {
  const found = text.toLocaleLowerCase('fr').match(/\p{L}[\p{L}'’-]*\p{L}/gu) ?? [];
  const stems: string[] = [];
  const words = new Map<string, string>();
  for (const word of found.flatMap((w) => w.split(/['’-]/))) {
    if (word.length < 3 || STOP.has(word)) continue;
    const stem = stemmer(word);
    stems.push(stem);
    if (!words.has(stem)) words.set(stem, word);
  }
  return { stems, words };
}

type Vector = Map<string, number>;

/** TF-IDF vectors, normalised (so that a dot product is the cosine). Terms in more than half the documents are left out. */
export function tfIdf(documents: readonly string[][]): Vector[] {
  const df = new Map<string, number>();
  for (const doc of documents) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = documents.length;
  return documents.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v: Vector = new Map();
    for (const [t, count] of tf) {
      const d = df.get(t)!;
      if (n > 2 && d > n / 2) continue;
      v.set(t, (1 + Math.log(count)) * Math.log(1 + n / d));
    }
    const norm = Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0));
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  });
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** How close b is to a on their traits, and why (read from b's side: « aussi qualifiée SecNumCloud »); the texts' words are said by similarSolutions. */
export function pairScore(a: SimilarInput['data'], b: SimilarInput['data'], textSimilarity: number): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  const sharedThematics = a.thematics.filter((t) => b.thematics.includes(t));
  if (sharedThematics.length > 0) {
    score += WEIGHTS.thematic * sharedThematics.length;
    const labels = sharedThematics.map((t) => thematicBySlug(t).shortLabel).join(', ');
    reasons.push(sharedThematics.length === 1 ? `même thématique : ${labels}` : `mêmes thématiques : ${labels}`);
  }
  if (a.category && a.category === b.category) {
    score += WEIGHTS.category;
    if (sharedThematics.length === 0) reasons.push('même catégorie');
  }
  const sharedAudiences = a.audiences.filter((x) => b.audiences.includes(x));
  if (sharedAudiences.length > 0) {
    const union = new Set([...a.audiences, ...b.audiences]).size;
    score += (WEIGHTS.audiences * sharedAudiences.length) / union;
    const labels = sharedAudiences.slice(0, 2).map((x) => AUDIENCES.label(x).toLocaleLowerCase('fr'));
    reasons.push(`${sharedAudiences.length === 1 ? 'même public' : 'mêmes publics'} : ${labels.join(', ')}${sharedAudiences.length > 2 ? '…' : ''}`);
  }
  const sa = a.dataSecurity;
  const sb = b.dataSecurity;
  if (sa?.secNumCloud === 'qualifie' && sb?.secNumCloud === 'qualifie') {
    score += WEIGHTS.secNumCloud;
    reasons.push('aussi qualifiée SecNumCloud');
  }
  if (sa?.onPremise && sb?.onPremise) {
    score += WEIGHTS.onPremise;
    reasons.push('aussi installable sur site');
  }
  if (sa?.dataLocation && sa.dataLocation === sb?.dataLocation && sa.dataLocation !== 'hors-ue') {
    score += WEIGHTS.dataLocation;
    reasons.push(`données aussi hébergées : ${DATA_LOCATIONS.label(sa.dataLocation)}`);
  }
  score += WEIGHTS.text * textSimilarity;
  return { score, reasons };
}

/** The words two texts share that weigh most in their similarity (at most `count`), as first written in a. */
function sharedWords(a: Vector, b: Vector, words: Map<string, string>, count = 2): string[] {
  return [...a]
    .filter(([t]) => b.has(t))
    .map(([t, w]) => [t, w * b.get(t)!] as const)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, count)
    .map(([t]) => words.get(t) ?? t);
}

/**
 * The similar fiches of every fiche: the `max` best-scoring others among
 * those that share something with it (a trait or words of their texts),
 * each with its reasons; ties broken by name, then identifier.
 */
export function similarSolutions(items: readonly SimilarInput[], { max = 5 } = {}): Map<string, SimilarLink[]> {
  const texts = items.map((i) => terms(`${i.data.name} ${i.data.summary} ${i.body}`));
  const vectors = tfIdf(texts.map((t) => t.stems));
  const out = new Map<string, SimilarLink[]>();
  items.forEach((a, i) => {
    const scored = items
      .map((b, j) => {
        if (i === j) return undefined;
        const text = cosine(vectors[i]!, vectors[j]!);
        const { score, reasons } = pairScore(a.data, b.data, text);
        return score > 0 ? { j, text, reasons, link: { id: b.id, name: b.data.name, href: laureateHref(b.id), reasons, score: Math.round(score * 1000) / 1000 } } : undefined;
      })
      .filter((s) => s !== undefined)
      .sort((x, y) => y.link.score - x.link.score || compareNames(x.link, y.link) || x.link.id.localeCompare(y.link.id))
      .slice(0, max);
    out.set(
      a.id,
      scored.map(({ j, text, link }) => {
        const words = text > 0 ? sharedWords(vectors[i]!, vectors[j]!, texts[i]!.words) : [];
        const said = words.length === 0 ? [] : [`${text >= CLOSE_TEXT ? 'description proche' : 'mots en commun'} : ${words.join(', ')}`];
        return { ...link, reasons: [...link.reasons, ...said] };
      }),
    );
  });
  return out;
}
