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
