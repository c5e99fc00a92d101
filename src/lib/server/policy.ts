/**
 * What a production web server sends with each file of the built site: security headers, caching,
 * and who may read it from another origin. One description, rendered for nginx (./nginx.ts) and for
 * hosts that read a `_headers` file (./headers-file.ts); the tests fetch every file through a real
 * nginx and compare its headers with `headersFor`.
 */
import { DSFR_SHIPPED_BASE } from '../dsfr-assets.ts';
import { DATA_DIR, FEED_PATH } from '../opendata/dataset.ts';
import { DEFAULT_IMAGE_PATH } from '../view/sharing.ts';

/** The Content-Security-Policy of the site's pages and of /admin/, as the pages' `<meta>` state them. */
export interface Policies {
  site: string;
  admin: string;
}

/** The editing interface: its own, looser policy (Decap CMS), read from its page. */
export const ADMIN_PREFIX = '/admin/';

/** Paths whose content other sites and harvesters reuse: open to every origin (CORS), embeddable. */
export const REUSABLE_PREFIXES = [DATA_DIR, FEED_PATH.slice(0, FEED_PATH.lastIndexOf('/') + 1), DEFAULT_IMAGE_PATH.slice(0, DEFAULT_IMAGE_PATH.lastIndexOf('/') + 1)] as const;
/** Reusable files at the root: the sitemap (sitemap-index.xml and its parts) and robots.txt. */
export const REUSABLE_ROOT_FILE = /^\/(?:sitemap-index\.xml|sitemap-\d+\.xml|robots\.txt)$/;

/** Files whose address changes with their content: cached for a year, never revalidated. */
export const IMMUTABLE_PREFIXES = ['/_astro/', DSFR_SHIPPED_BASE] as const;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, data, feeds, the search index, the bundles): revalidated each time (ETag). */
export const REVALIDATE = 'no-cache';

/** HSTS for two years on every subdomain; `preload` is left to the team that owns the domain (README). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Features the site never uses, denied to it and to anything it could embed. Only features
 * Chromium and Firefox know (an unknown one is a console error).
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'usb',
  'xr-spatial-tracking',
] as const;

/** The headers every response carries, whatever its path. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Strict-Transport-Security': HSTS,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': DENIED_FEATURES.map((f) => `${f}=()`).join(', '),
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The page policy as an HTTP header: what the `<meta>` says, plus what only a header can say. */
export function headerPolicy(meta: string): string {
  const directives = meta
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);
  return [...directives, "frame-ancestors 'none'", 'upgrade-insecure-requests'].join('; ');
}

export const isReusable = (pathname: string) => REUSABLE_PREFIXES.some((p) => pathname.startsWith(p)) || REUSABLE_ROOT_FILE.test(pathname);
export const isImmutable = (pathname: string) => IMMUTABLE_PREFIXES.some((p) => pathname.startsWith(p));

/** The headers the server sends with the file at `pathname` (besides type, length, ETag and encoding). */
export function headersFor(pathname: string, policies: Policies): Record<string, string> {
  const reusable = isReusable(pathname);
  return {
    ...COMMON_HEADERS,
    'Content-Security-Policy': headerPolicy(pathname.startsWith(ADMIN_PREFIX) ? policies.admin : policies.site),
    'Cross-Origin-Resource-Policy': reusable ? 'cross-origin' : 'same-origin',
    ...(reusable ? { 'Access-Control-Allow-Origin': '*' } : {}),
    'Cache-Control': isImmutable(pathname) ? IMMUTABLE : REVALIDATE,
  };
}

/** Reads the Content-Security-Policy `<meta>` of a built page (undefined when it has none). */
export function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1]?.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The two policies of a built site, from its pages' `<meta>`: every page outside /admin/ must state
 * the same one (a header cannot vary with each page), /admin/ its own. A page that differs stops
 * the build, named.
 */
export function sitePolicies(pages: ReadonlyArray<{ route: string; html: string }>): Policies {
  const found = { site: new Map<string, string[]>(), admin: new Map<string, string[]>() };
  for (const { route, html } of pages) {
    const policy = metaPolicy(html);
    if (!policy) throw new Error(`${route} : aucune politique de sécurité des contenus (<meta http-equiv="content-security-policy">).`);
    const group = route.startsWith(ADMIN_PREFIX) ? found.admin : found.site;
    group.set(policy, [...(group.get(policy) ?? []), route]);
  }
  const one = (kind: 'site' | 'admin') => {
    const policies = [...found[kind]];
    if (policies.length === 1) return policies[0]![0];
    if (policies.length === 0) throw new Error(`Aucune page ${kind === 'admin' ? 'sous /admin/' : 'du site'} : impossible d’écrire sa politique de sécurité.`);
    const detail = policies.map(([p, routes]) => `  ${routes.slice(0, 3).join(', ')}${routes.length > 3 ? ` (+${routes.length - 3})` : ''} : ${p}`).join('\n');
    throw new Error(
      `Les pages ${kind === 'admin' ? 'de /admin/' : 'du site'} n’ont pas toutes la même politique de sécurité des contenus ; un en-tête HTTP ne peut en porter qu’une :\n${detail}\n` +
        'Donnez-leur les mêmes scripts et styles en ligne, ou regroupez-les sous un préfixe qui a sa propre politique (src/lib/server/policy.ts).',
    );
  };
  return { site: one('site'), admin: one('admin') };
}
