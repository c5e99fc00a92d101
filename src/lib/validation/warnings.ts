/**
 * Content checks beyond types, as warnings (they do not stop the build):
 * plain language, link texts that say nothing, links that are not https,
 * images heavier than needed, and editorial pages that still link to an
 * unpublished or demonstration entry.
 */
import { NAME_ADVISED_MAX, SUMMARY_MAX } from '../../schemas/laureate.ts';
import type { Problem } from './problem.ts';

export const LONG_SENTENCE_WORDS = 40;
export const SUMMARY_HINT = 200;
export const IMAGE_MAX_BYTES = 500 * 1024;

const EMPTY_LINK_TEXTS = ['cliquez ici', 'ici', 'en savoir plus', 'lire la suite', 'lien', 'voir', 'plus', 'cliquer ici', 'ce lien'];

const warning = (file: string, field: string, message: string, hint?: string, line?: number): Problem => ({
  file,
  field,
  message,
  severity: 'warning',
  ...(hint ? { hint } : {}),
  ...(line ? { line } : {}),
});

/** Line of `offset` in a body that starts after the front matter ending at `bodyStartLine`. */
const lineOf = (text: string, offset: number, startLine: number) => startLine + text.slice(0, offset).split('\n').length - 1;

/** Checks on a markdown body (laureate or editorial page). */
export function bodyWarnings(file: string, body: string, bodyStartLine = 1): Problem[] {
  const out: Problem[] = [];
  for (const m of body.matchAll(/(?<!\\|!)\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g)) {
    const text = m[1]!.trim().toLowerCase().replace(/[.…!]+$/, '');
    const line = lineOf(body, m.index, bodyStartLine);
    if (EMPTY_LINK_TEXTS.includes(text)) {
      out.push(warning(file, '(texte)', `lien « ${m[1]} » : son texte ne dit pas où il mène`, 'écrivez la destination dans le lien (ex. « la méthodologie de sélection »), critère RGAA 6.1', line));
    }
    if (m[2]!.startsWith('http://')) {
      out.push(warning(file, '(texte)', `lien non sécurisé ${m[2]}`, 'utilisez l’adresse en https:// si le site la propose', line));
    }
  }
  const prose = body.replace(/^#+ .*$/gm, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  for (const sentence of prose.split(/(?<=[.!?…;:])\s+|\\?\n/)) {
    const words = sentence.trim().split(/\s+/).filter(Boolean).length;
    if (words > LONG_SENTENCE_WORDS) {
      const start = body.indexOf(sentence.trim().slice(0, 30));
      out.push(warning(file, '(texte)', `phrase de ${words} mots : « ${sentence.trim().slice(0, 50)}… »`, `coupez-la : au-delà de ${LONG_SENTENCE_WORDS} mots, une phrase se lit mal (langage clair)`, start >= 0 ? lineOf(body, start, bodyStartLine) : undefined));
    }
  }
  return out;
}

export interface LaureateForWarnings {
  file: string;
  slug: string;
  data: {
    name: string;
    summary: string;
    demo: boolean;
    published: boolean;
    unpublishedReason?: string;
    call: string;
    metrics: Array<{ method?: string; label: string }>;
    submitter: { website?: string };
    sources: Array<{ url?: string }>;
  };
  /** Sizes in bytes of the images the entry uses, by field. */
  imageSizes: Array<{ field: string; bytes: number; width?: number }>;
}

/** Checks on a laureate's fields. `marketCalls`: calls whose laureates are market solutions. */
export function laureateWarnings(l: LaureateForWarnings, marketCalls: ReadonlySet<string>): Problem[] {
  const out: Problem[] = [];
  if (l.data.published && l.data.unpublishedReason) {
    out.push(warning(l.file, 'unpublishedReason', `fiche publiée avec un motif de retrait (« ${l.data.unpublishedReason} »)`, 'supprimez la ligne unpublishedReason si la fiche doit rester publiée'));
  }
  if (l.data.name.length > NAME_ADVISED_MAX) {
    out.push(warning(l.file, 'name', `nom de ${l.data.name.length} caractères, coupé visuellement sur les cartes (publié en entier sur la fiche)`, `raccourcissez-le à ${NAME_ADVISED_MAX} caractères au plus si le lauréat l’accepte`));
  }
  if (l.data.summary.length > SUMMARY_MAX) {
    out.push(warning(l.file, 'summary', `résumé de ${l.data.summary.length} caractères, coupé visuellement sur les cartes au-delà de ${SUMMARY_MAX} (publié en entier sur la fiche)`, `raccourcissez-le : visez moins de ${SUMMARY_HINT} caractères`));
  } else if (l.data.summary.length > SUMMARY_HINT) {
    out.push(warning(l.file, 'summary', `résumé de ${l.data.summary.length} caractères`, `visez moins de ${SUMMARY_HINT} caractères : il s’affiche sur les cartes`));
  }
  l.data.metrics.forEach((m, i) => {
    if (!m.method && !marketCalls.has(l.data.call)) {
      out.push(warning(l.file, `metrics.${i}.method`, `l’indicateur « ${m.label} » ne dit pas comment il a été mesuré`, 'ajoutez « method: … »'));
    }
  });
  const urls: Array<[string, string | undefined]> = [['submitter.website', l.data.submitter.website], ...l.data.sources.map((s, i) => [`sources.${i}.url`, s.url] as [string, string | undefined])];
  for (const [field, url] of urls) {
    if (url?.startsWith('http://')) out.push(warning(l.file, field, `adresse non sécurisée ${url}`, 'utilisez l’adresse en https:// si le site la propose'));
  }
  for (const img of l.imageSizes) {
    if (img.bytes > IMAGE_MAX_BYTES || (img.width ?? 0) > 2400) {
      out.push(warning(l.file, img.field, `image de ${Math.round(img.bytes / 1024)} Ko${img.width ? `, ${img.width} px de large` : ''}`, 'réduisez-la (2 400 px de large et 500 Ko au plus suffisent : le site produit lui-même les tailles utiles)'));
    }
  }
  return out;
}

/** Metrics of a market-solutions call must say how they were measured: an error, not a warning. */
/** A fiche needs its description (the markdown body). */
export function emptyBodyErrors(file: string, body: string): Problem[] {
  return body.trim().length > 0
    ? []
    : [{ file, field: '', message: 'la description de la solution (texte sous l’en-tête) est vide', hint: 'décrivez la solution sous la deuxième ligne « --- » : ce qu’elle fait, pour qui, dans quel contexte' }];
}

/** The field every metric of a market call must fill (the editing interface requires it there too). */
export const MARKET_METRIC_REQUIRED = 'method' as const;

export function marketMetricErrors(l: Pick<LaureateForWarnings, 'file' | 'data'>, marketCalls: ReadonlySet<string>): Problem[] {
  if (!marketCalls.has(l.data.call)) return [];
  return l.data.metrics.flatMap((m, i) =>
    m[MARKET_METRIC_REQUIRED]
      ? []
      : [{ file: l.file, field: `metrics.${i}.method`, message: `l’indicateur « ${m.label} » doit décrire sa méthode de mesure (appel de solutions du marché)`, hint: 'ajoutez « method: … » : comment le chiffre a été obtenu, sur quel échantillon' }],
  );
}

/** Editorial pages must not send readers to an unpublished entry, and should not to a demo one. */
export function editorialLinkWarnings(
  pages: ReadonlyArray<{ file: string; body: string; bodyStartLine?: number }>,
  laureates: ReadonlyArray<{ slug: string; data: { demo: boolean; published: boolean } }>,
): Problem[] {
  const bySlug = new Map(laureates.map((l) => [l.slug, l.data]));
  const out: Problem[] = [];
  for (const page of pages) {
    for (const m of page.body.matchAll(/\/solutions\/([a-z0-9-]+)\/?/g)) {
      const entry = bySlug.get(m[1]!);
      if (!entry) continue;
      if (!entry.published) out.push({ file: page.file, field: '(texte)', message: `lien vers la fiche dépubliée /solutions/${m[1]}/`, hint: 'retirez ce lien : la page n’existe plus sur le site', line: lineOf(page.body, m.index, page.bodyStartLine ?? 1) });
      else if (entry.demo) out.push(warning(page.file, '(texte)', `lien vers la fiche de démonstration /solutions/${m[1]}/`, 'une page éditoriale devrait renvoyer vers une fiche réelle', lineOf(page.body, m.index, page.bodyStartLine ?? 1)));
    }
  }
  return out;
}
