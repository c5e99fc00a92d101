import { describe, expect, it } from 'vitest';
import { observatoryGrade, observatoryModifiers } from './observatory.ts';

const origin = 'https://catalogue.example.gouv.fr';
const html = '<script type="module" src="/_astro/a.js"></script>';

describe('the HTTP Observatory’s scoring rules', () => {
  it('a site with no security header: CSP, HSTS, X-Content-Type-Options and framing missing, 30 (D)', () => {
    const m = observatoryModifiers(new Headers(), html, origin);
    expect(observatoryGrade(m)).toEqual({ score: 30, grade: 'D' });
    expect(m.find((x) => x.test === 'content-security-policy')!.result).toBe('csp-not-implemented');
  });
  it('hashes, no unsafe, frame-ancestors, a private referrer policy and long HSTS: A+ (115)', () => {
    const headers = new Headers({
      'content-security-policy': "default-src 'self'; script-src 'self' 'sha256-abc='; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(observatoryGrade(observatoryModifiers(headers, html, origin))).toEqual({ score: 115, grade: 'A+' });
  });
  it('penalises unsafe-eval, a short HSTS and an external script; no bonus under 90', () => {
    const headers = new Headers({
      'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-eval'; frame-ancestors 'none'",
      'strict-transport-security': 'max-age=300',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    const m = observatoryModifiers(headers, '<script src="https://cdn.example/x.js"></script>', origin);
    expect(m.filter((x) => x.modifier < 0).map((x) => x.result)).toEqual([
      'csp-implemented-with-unsafe-eval',
      'hsts-implemented-max-age-less-than-six-months',
      'sri-not-implemented-but-external-scripts-loaded-securely (or worse)',
    ]);
    expect(observatoryGrade(m)).toEqual({ score: 75, grade: 'B' });
  });
});
