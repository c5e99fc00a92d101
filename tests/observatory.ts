/**
 * The MDN HTTP Observatory's published scoring rules (github.com/mdn/mdn-http-observatory,
 * src/grader/charts.js: SCORE_TABLE, GRADE_CHART, MINIMUM_SCORE_FOR_EXTRA_CREDIT), applied to the
 * response headers and the HTML of a site's home page. What needs the public host is left out and
 * said: the http → https redirection (no TLS on loopback: the test cannot see it) and HSTS
 * preloading (a bonus only a preloaded domain gets).
 */

export interface Modifier {
  test: string;
  result: string;
  modifier: number;
}

const GRADES: Array<[number, string]> = [
  [100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F'],
];
export const MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values.map((v) => v.toLowerCase())]),
  );
}

function csp(header: string | undefined): Modifier {
  const test = 'content-security-policy';
  if (!header) return { test, result: 'csp-not-implemented', modifier: -25 };
  const d = directives(header);
  const script = d.get('script-src') ?? d.get('default-src');
  const style = d.get('style-src') ?? d.get('default-src');
  const object = d.get('object-src') ?? d.get('default-src');
  const broad = (values: string[] | undefined) => !values || values.some((v) => ['*', 'http:', 'https:', 'data:'].includes(v));
  const hashedOrNonced = script?.some((v) => /^'(sha(256|384|512)-|nonce-)/.test(v)) ?? false;
  if (broad(script) || broad(object) || (script!.includes("'unsafe-inline'") && !hashedOrNonced)) return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
  if (script!.includes("'unsafe-eval'")) return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
  if (style?.includes("'unsafe-inline'") || style?.includes('data:')) return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
  const formAction = d.get('form-action');
  if (d.get('default-src')?.join(' ') === "'none'" && formAction && (formAction.includes("'none'") || formAction.includes("'self'"))) {
    return { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 };
  }
  return { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

/** Every test the scoring rules apply to a page, with its modifier. */
export function observatoryModifiers(headers: Headers, html: string, origin: string): Modifier[] {
  const get = (name: string) => headers.get(name) ?? undefined;
  const out: Modifier[] = [csp(get('content-security-policy'))];
  out.push(get('set-cookie') ? { test: 'cookies', result: 'cookies-present (not graded here)', modifier: -20 } : { test: 'cookies', result: 'cookies-not-found', modifier: 0 });
  const acao = get('access-control-allow-origin');
  out.push(
    !acao
      ? { test: 'cross-origin-resource-sharing', result: 'cross-origin-resource-sharing-not-implemented', modifier: 0 }
      : acao === '*' && get('access-control-allow-credentials') !== 'true'
        ? { test: 'cross-origin-resource-sharing', result: 'cross-origin-resource-sharing-implemented-with-public-access', modifier: 0 }
        : { test: 'cross-origin-resource-sharing', result: 'cross-origin-resource-sharing-implemented-with-universal-access', modifier: -50 },
  );
  const referrer = get('referrer-policy')?.split(',').map((v) => v.trim().toLowerCase()).at(-1);
  out.push(
    !referrer
      ? { test: 'referrer-policy', result: 'referrer-policy-not-implemented', modifier: 0 }
      : ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)
        ? { test: 'referrer-policy', result: 'referrer-policy-private', modifier: 5 }
        : ['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(referrer)
          ? { test: 'referrer-policy', result: 'referrer-policy-unsafe', modifier: -5 }
          : { test: 'referrer-policy', result: 'referrer-policy-header-invalid', modifier: -5 },
  );
  const maxAge = Number(/max-age=(\d+)/i.exec(get('strict-transport-security') ?? '')?.[1] ?? NaN);
  out.push(
    Number.isNaN(maxAge)
      ? { test: 'strict-transport-security', result: 'hsts-not-implemented', modifier: -20 }
      : maxAge >= 15768000
        ? { test: 'strict-transport-security', result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
        : { test: 'strict-transport-security', result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 },
  );
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => new URL(m[1]!, origin));
  out.push(
    scripts.length === 0
      ? { test: 'subresource-integrity', result: 'sri-not-implemented-but-no-scripts-loaded', modifier: 0 }
      : scripts.every((u) => u.origin === origin)
        ? { test: 'subresource-integrity', result: 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin', modifier: 0 }
        : { test: 'subresource-integrity', result: 'sri-not-implemented-but-external-scripts-loaded-securely (or worse)', modifier: -5 },
  );
  out.push(
    get('x-content-type-options')?.toLowerCase() === 'nosniff'
      ? { test: 'x-content-type-options', result: 'x-content-type-options-nosniff', modifier: 0 }
      : { test: 'x-content-type-options', result: 'x-content-type-options-not-implemented', modifier: -5 },
  );
  const ancestors = directives(get('content-security-policy') ?? '').get('frame-ancestors');
  const xfo = get('x-frame-options')?.toUpperCase();
  out.push(
    ancestors
      ? { test: 'x-frame-options', result: 'x-frame-options-implemented-via-csp', modifier: 5 }
      : xfo === 'DENY' || xfo === 'SAMEORIGIN'
        ? { test: 'x-frame-options', result: 'x-frame-options-sameorigin-or-deny', modifier: 0 }
        : { test: 'x-frame-options', result: 'x-frame-options-not-implemented', modifier: -20 },
  );
  const corp = get('cross-origin-resource-policy')?.toLowerCase();
  out.push(
    !corp
      ? { test: 'cross-origin-resource-policy', result: 'corp-not-implemented', modifier: 0 }
      : ['same-origin', 'same-site', 'cross-origin'].includes(corp)
        ? { test: 'cross-origin-resource-policy', result: `corp-implemented-with-${corp}`, modifier: 0 }
        : { test: 'cross-origin-resource-policy', result: 'corp-header-invalid', modifier: -5 },
  );
  return out;
}

/** The score and grade: 100, the penalties, then the bonuses if the score without them is at least 90. */
export function observatoryGrade(modifiers: readonly Modifier[]): { score: number; grade: string } {
  const penalties = modifiers.filter((m) => m.modifier < 0).reduce((s, m) => s + m.modifier, 100);
  const bonuses = modifiers.filter((m) => m.modifier > 0).reduce((s, m) => s + m.modifier, 0);
  const score = Math.max(0, penalties >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? penalties + bonuses : penalties);
  return { score, grade: GRADES.find(([min]) => score >= min)![1] };
}
