/**
 * Where the content lives, shared by the Astro collections and the standalone
 * validator so both read exactly the same files.
 * `CATALOGUE_CONTENT_DIR` lets tests build a fixture content set.
 */
export const CONTENT_DIR = process.env.CATALOGUE_CONTENT_DIR ?? 'content';

/** Glob patterns of each collection, relative to its folder. */
export const PATTERNS = {
  calls: ['*.md', '!**/_*', '!**/.*'],
  laureates: ['*/*.md', '!**/_*', '!**/.*'],
  pages: ['*.{md,mdx}', '!**/_*', '!**/.*'],
} as const;

/** Files or folders whose name starts with `_` or `.` are ignored (drafts, review copies). */
export function isIgnoredPath(relPath: string): boolean {
  return relPath.split(/[\\/]/).some((segment) => segment.startsWith('_') || segment.startsWith('.'));
}

/** An entry's id is its file name without extension (a laureate's folder is its call). */
export function slugFromPath(entry: string): string {
  return entry.replace(/\\/g, '/').split('/').pop()!.replace(/\.mdx?$/, '');
}

/**
 * Whether a path under content/laureates/ is a laureate: `<call>/<slug>.md`,
 * not a draft or review copy (`_…`, `.…`). The collection's glob (PATTERNS),
 * the validator, the ingestion and `npm run new` agree on it.
 */
export function isLaureateFile(relPath: string): boolean {
  const parts = relPath.replace(/\\/g, '/').split('/');
  return parts.length === 2 && parts[1]!.endsWith('.md') && !isIgnoredPath(relPath);
}

/** Files that may sit in a laureate's call folder beside the fiches (images, documents). */
const ASSET_FILE = /\.(png|jpe?g|webp|avif|gif|tiff?|svg|pdf)$/i;
/** Names an editor may have meant as a laureate: Markdown under another extension, MDX, YAML. */
const LAUREATE_LIKE = /\.(md|mdx|markdown|mdown|mkd|ya?ml|json|txt|html?)$/i;

/**
 * A file under content/laureates/ that the site would silently skip, with
 * why and how to fix it (`relPath` relative to content/laureates/), or
 * undefined when it is a laureate (`<call>/<slug>.md`), an asset or a draft.
 */
export function strayLaureateFile(relPath: string): { message: string; hint: string } | undefined {
  const rel = relPath.replace(/\\/g, '/');
  if (isIgnoredPath(rel)) return undefined;
  const parts = rel.split('/');
  const name = parts.at(-1)!;
  if (isLaureateFile(rel)) return undefined;
  if (ASSET_FILE.test(name) && parts.length >= 2) return undefined;
  const stem = name.replace(/\.[^.]+$/, '');
  if (parts.length === 1) {
    return { message: 'fichier hors du dossier d’un appel : il n’est pas lu', hint: `rangez la fiche dans content/laureates/<appel>/${stem}.md (ex. content/laureates/solutions-ia-2025/${stem}.md)` };
  }
  if (parts.length > 2) {
    return LAUREATE_LIKE.test(name)
      ? { message: 'fiche rangée dans un sous-dossier : elle n’est pas lue', hint: `déplacez-la dans content/laureates/${parts[0]}/ (seules les images vont dans des sous-dossiers), ou préfixez son nom par _ si c’est un brouillon` }
      : undefined;
  }
  if (/\.mdx$/i.test(name)) {
    return { message: 'fiche au format MDX : elle n’est pas lue (une fiche MDX pourrait exécuter du code à la construction)', hint: `renommez-la en ${stem}.md et retirez-en tout import ou composant : les fiches de lauréat sont en Markdown simple` };
  }
  if (/\.md$/i.test(name) || LAUREATE_LIKE.test(name)) {
    return { message: `extension « ${name.slice(stem.length)} » : le fichier n’est pas lu (les fiches de lauréat sont des fichiers .md, en minuscules)`, hint: `renommez-le en ${stem}.md, ou préfixez son nom par _ si c’est un brouillon` };
  }
  return { message: 'fichier inattendu dans le dossier des fiches : il n’est pas lu', hint: 'les fiches sont des fichiers .md ; les images (PNG, JPEG, WebP, AVIF, GIF, TIFF, SVG) et les PDF peuvent être rangés à côté ; déplacez ou supprimez ce fichier' };
}
