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
import { AUDIENCES, DATA_LOCATIONS, THEMATICS, thematicBySlug } from '../schemas/taxonomy.ts';
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
  const reasons: string[] = [];
  return { score: points(traitsOf(a), traitsOf(b), textSimilarity, reasons), reasons };
}

/** A fiche's traits, with its thematics and audiences as bit sets (every pair of the catalogue is scored). */
interface Traits {
  data: SimilarInput['data'];
  thematics: number;
  audiences: number;
}
const THEMATIC_BIT = new Map(THEMATICS.map((t, i) => [t.slug as string, 2 ** i]));
const AUDIENCE_BIT = new Map(AUDIENCES.values.map((v, i) => [v as string, 2 ** i]));
if (THEMATIC_BIT.size > 30 || AUDIENCE_BIT.size > 30) throw new Error('similar.ts : plus de 30 thématiques ou publics, les ensembles de bits ne suffisent plus');
const bits = (values: readonly string[], of: Map<string, number>) => values.reduce((m, v) => m | (of.get(v) ?? 0), 0);
const traitsOf = (data: SimilarInput['data']): Traits => ({ data, thematics: bits(data.thematics, THEMATIC_BIT), audiences: bits(data.audiences, AUDIENCE_BIT) });
const popCount = (n: number) => {
  let c = 0;
  for (let x = n; x; x &= x - 1) c++;
  return c;
};

/** The score of a pair; its reasons pushed to `reasons` when given (the many pairs that are only ranked skip the wording). */
function points(ta: Traits, tb: Traits, textSimilarity: number, reasons?: string[]): number {
  const a = ta.data;
  const b = tb.data;
  let score = 0;
  // In a's own order, as a's fiche lists them.
  const sharedThematics = ta.thematics & tb.thematics ? a.thematics.filter((t) => (THEMATIC_BIT.get(t)! & tb.thematics) !== 0) : [];
  if (sharedThematics.length > 0) {
    score += WEIGHTS.thematic * sharedThematics.length;
    if (reasons) {
      const labels = sharedThematics.map((t) => thematicBySlug(t).shortLabel).join(', ');
      reasons.push(sharedThematics.length === 1 ? `même thématique : ${labels}` : `mêmes thématiques : ${labels}`);
    }
  }
  if (a.category && a.category === b.category) {
    score += WEIGHTS.category;
    if (sharedThematics.length === 0) reasons?.push('même catégorie');
  }
  const sharedAudiences = ta.audiences & tb.audiences ? a.audiences.filter((x) => (AUDIENCE_BIT.get(x)! & tb.audiences) !== 0) : [];
  if (sharedAudiences.length > 0) {
    score += (WEIGHTS.audiences * sharedAudiences.length) / popCount(ta.audiences | tb.audiences);
    if (reasons) {
      const labels = sharedAudiences.slice(0, 2).map((x) => AUDIENCES.label(x).toLocaleLowerCase('fr'));
      reasons.push(`${sharedAudiences.length === 1 ? 'même public' : 'mêmes publics'} : ${labels.join(', ')}${sharedAudiences.length > 2 ? '…' : ''}`);
    }
  }
  const sa = a.dataSecurity;
  const sb = b.dataSecurity;
  if (sa?.secNumCloud === 'qualifie' && sb?.secNumCloud === 'qualifie') {
    score += WEIGHTS.secNumCloud;
    reasons?.push('aussi qualifiée SecNumCloud');
  }
  if (sa?.onPremise && sb?.onPremise) {
    score += WEIGHTS.onPremise;
    reasons?.push('aussi installable sur site');
  }
  if (sa?.dataLocation && sa.dataLocation === sb?.dataLocation && sa.dataLocation !== 'hors-ue') {
    score += WEIGHTS.dataLocation;
    reasons?.push(`données aussi hébergées : ${DATA_LOCATIONS.label(sa.dataLocation)}`);
  }
  score += WEIGHTS.text * textSimilarity;
  return score;
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
 *
 * Every pair is ranked, so the work grows with the square of the catalogue:
 * the texts' cosines come from an inverted index (only documents that share
 * a term are visited), the ranking keeps the best `max` as it goes, and the
 * reasons are worded for those only.
 */
export function similarSolutions(items: readonly SimilarInput[], { max = 5 } = {}): Map<string, SimilarLink[]> {
  const texts = items.map((i) => terms(`${i.data.name} ${i.data.summary} ${i.body}`));
  const vectors = tfIdf(texts.map((t) => t.stems));
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((v, doc) => {
    for (const [t, w] of v) {
      if (!postings.has(t)) postings.set(t, []);
      postings.get(t)!.push([doc, w]);
    }
  });
  const traits = items.map((i) => traitsOf(i.data));
  const cosines = new Float64Array(items.length);
  const out = new Map<string, SimilarLink[]>();
  type Candidate = { j: number; score: number };
  // The order of the list: score, then name, then identifier.
  const before = (x: Candidate, y: Candidate) => y.score - x.score || compareNames(items[x.j]!.data, items[y.j]!.data) || items[x.j]!.id.localeCompare(items[y.j]!.id);
  items.forEach((a, i) => {
    cosines.fill(0);
    for (const [t, w] of vectors[i]!) for (const [doc, wd] of postings.get(t)!) cosines[doc]! += w * wd;
    const best: Candidate[] = [];
    for (let j = 0; j < items.length; j++) {
      if (i === j) continue;
      const raw = points(traits[i]!, traits[j]!, cosines[j]!);
      if (raw <= 0) continue;
      const candidate = { j, score: Math.round(raw * 1000) / 1000 };
      if (best.length === max && before(candidate, best[max - 1]!) >= 0) continue;
      let at = best.length;
      while (at > 0 && before(candidate, best[at - 1]!) < 0) at--;
      best.splice(at, 0, candidate);
      if (best.length > max) best.pop();
    }
    out.set(
      a.id,
      best.map(({ j, score }) => {
        const b = items[j]!;
        const text = cosines[j]!;
        const { reasons } = pairScore(a.data, b.data, text);
        const words = text > 0 ? sharedWords(vectors[i]!, vectors[j]!, texts[i]!.words) : [];
        const said = words.length === 0 ? [] : [`${text >= CLOSE_TEXT ? 'description proche' : 'mots en commun'} : ${words.join(', ')}`];
        return { id: b.id, name: b.data.name, href: laureateHref(b.id), reasons: [...reasons, ...said], score };
      }),
    );
  });
  return out;
}
