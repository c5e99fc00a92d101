/** Site-wide facts: name, navigation, footer. One place for the chrome's words. */
export const SITE = {
  name: 'Catalogue des lauréats IA de l’État',
  tagline: 'Solutions et projets d’intelligence artificielle retenus par les appels à manifestation d’intérêt de l’État',
  locale: 'fr-FR',
  /** Where readers report an error or an update (the call's team): « Signaler une erreur », the editorial pages. */
  contactEmail: 'amija@numerique.gouv.fr',
} as const;

/**
 * « Signaler une erreur ou une mise à jour » of a page: a mailto: link whose
 * subject names the fiche and its address (no third-party form, nothing
 * sent by the site itself).
 */
export function reportHref(name: string, pageUrl: string): string {
  const subject = `Signalement sur la fiche « ${name} » — ${pageUrl}`;
  return `mailto:${SITE.contactEmail}?subject=${encodeURIComponent(subject)}`;
}

/**
 * Pages left out of the sitemap and search engines: the 404 page, and the
 * editing interface (/admin/, also `noindex` and disallowed in robots.txt).
 */
export const UNLISTED_PATHS = ['/404', '/admin/'] as const;
export const isListedPath = (pathname: string): boolean => !UNLISTED_PATHS.some((p) => pathname.startsWith(p));

export interface NavLink {
  href: string;
  label: string;
}

export interface NavItem {
  label: string;
  href?: string;
  children?: NavLink[];
}

/** Whether `href` is the current page or one of its ancestors in the menu. */
export function isCurrent(href: string, currentPath: string, exact = false): boolean {
  const norm = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  return exact || href === '/' ? norm(currentPath) === norm(href) : norm(currentPath).startsWith(norm(href));
}

export const FOOTER_INSTITUTIONAL_LINKS: NavLink[] = [
  { href: 'https://www.info.gouv.fr', label: 'info.gouv.fr' },
  { href: 'https://www.service-public.gouv.fr', label: 'service-public.gouv.fr' },
  { href: 'https://www.legifrance.gouv.fr', label: 'legifrance.gouv.fr' },
  { href: 'https://www.data.gouv.fr', label: 'data.gouv.fr' },
];

/** The footer's bottom links; `accessibility` is the conformity the RGAA audit gives (« partiellement conforme »…, src/lib/rgaa/audit.ts). */
export const footerBottomLinks = (accessibility: string): NavLink[] => [
  { href: '/plan-du-site/', label: 'Plan du site' },
  { href: '/donnees/', label: 'Données ouvertes' },
  { href: '/accessibilite/', label: `Accessibilité : ${accessibility}` },
  { href: '/mentions-legales/', label: 'Mentions légales' },
  { href: '/donnees-personnelles/', label: 'Données personnelles' },
  { href: '/gestion-des-cookies/', label: 'Gestion des cookies' },
];

/** Builds the document title: unique per page, site name last. */
export function documentTitle(pageTitle: string | undefined): string {
  return pageTitle ? `${pageTitle} — ${SITE.name}` : SITE.name;
}
