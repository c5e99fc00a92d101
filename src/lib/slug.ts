/**
 * Laureate slugs the site's own addresses use under /solutions/: `page`
 * holds the listing's later pages and its data (/solutions/page/2/).
 */
export const RESERVED_LAUREATE_SLUGS: readonly string[] = ['page'];

/** A slug from a name: lower case ASCII, hyphens (file names, addresses); never a reserved one. */
export function slugify(name: string): string {
  const slug = baseSlug(name);
  return RESERVED_LAUREATE_SLUGS.includes(slug) ? `${slug}-solution` : slug;
}

function baseSlug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/œ/gi, 'oe')
      .replace(/æ/gi, 'ae')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'solution'
  );
}
