/**
 * Applicants typed these values: they become plain text, never live HTML nor
 * markdown structure, and only http(s) addresses survive.
 */
import { isValidSirenOrSiret } from '../schemas/common.ts';

/** Trims, normalises line ends and Unicode, drops control characters. */
export function cleanText(raw: string | undefined): string {
  return (raw ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .trim();
}

/** One line of text (for names, labels): newlines become spaces. */
export function oneLine(raw: string | undefined): string {
  return cleanText(raw).replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' ');
}

/**
 * Turns applicant text into markdown that renders as the same plain text:
 * characters CommonMark/GFM read as inline markup or HTML are backslash-escaped
 * everywhere, line-start markers (headings, lists, quotes, rules) are escaped,
 * and autolinks (`https://`, `www.`, e-mail addresses) are broken. Lines keep
 * their breaks; blank lines separate paragraphs.
 */
export function toPlainMarkdown(raw: string | undefined): string {
  const text = cleanText(raw);
  if (!text) return '';
  const escapeLine = (line: string) =>
    line
      .replace(/[\\`*_[\]<>|~#&@!]/g, (c) => `\\${c}`)
      .replace(/:\/\//g, '\\://')
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2');
  return text
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line.trim()))
        .filter((line) => line.length > 0)
        .join('\\\n'),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
}

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string };

/** http(s) only; a bare domain gets https://; anything else is refused. */
export function normaliseUrl(raw: string | undefined): UrlResult | undefined {
  const text = oneLine(raw);
  if (!text) return undefined;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(text) ? `https://${text}` : text;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: `adresse web illisible « ${text.slice(0, 80)} »` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `protocole « ${url.protocol} » refusé (seuls http et https sont publiés)` };
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) || url.username || url.password) {
    return { ok: false, reason: `adresse web invalide « ${text.slice(0, 80)} »` };
  }
  return { ok: true, url: url.href };
}

export type SiretResult = { ok: true; siret: string } | { ok: false; reason: string };

export function normaliseSiret(raw: string | undefined): SiretResult | undefined {
  const digits = oneLine(raw).replace(/[\s.]/g, '');
  if (!digits) return undefined;
  return isValidSirenOrSiret(digits) ? { ok: true, siret: digits } : { ok: false, reason: `SIRET invalide « ${digits} » (clé de contrôle fausse)` };
}

/** A number as DS writes it (`12.0`, `63.5`, `12,5`, `18 000`); undefined when empty or not a number. */
export function parseDecimal(raw: string | undefined): number | undefined {
  const v = oneLine(raw).replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  if (!v) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

const normExact = (v: string) => v.normalize('NFC');
const normOption = (v: string) => v.normalize('NFC').replace(/[’‘]/g, "'").replace(/[\s\u00a0\u202f]/g, ' ').toLowerCase();
const sortedCache = new WeakMap<readonly string[], Map<(v: string) => string, Array<{ text: string; key: string }>>>();

/** Options longest first, with their comparison keys (computed once per list). */
function sortedOptions(options: readonly string[], norm: (v: string) => string): Array<{ text: string; key: string }> {
  const byNorm = sortedCache.get(options) ?? new Map();
  sortedCache.set(options, byNorm);
  let sorted = byNorm.get(norm);
  if (!sorted) {
    sorted = [...options].sort((a, b) => b.length - a.length).map((text) => ({ text, key: norm(text) }));
    byNorm.set(norm, sorted);
  }
  return sorted;
}

/**
 * Splits a multiple choice against the known options: DS joins values with
 * `, ` and an option may itself contain `, ` (« Bases de données vectorielles
 * (RAG, API) »), so options are matched first, longest first.
 */
export function splitOptions(
  raw: string | undefined,
  options: readonly string[],
  { exact = false }: { exact?: boolean } = {},
): { known: string[]; unknown: string[] } {
  const norm = exact ? normExact : normOption;
  const sorted = sortedOptions(options, norm);
  const known: string[] = [];
  const unknown: string[] = [];
  // Options are labels, not free text: any run of spaces (U+00A0 and U+202F included) is one space
  // (file names, `exact`, are compared as written).
  let rest = exact ? oneLine(raw) : oneLine(raw).replace(/[\s\u00a0\u202f]+/g, ' ');
  while (rest.length > 0) {
    const head = norm(rest);
    const option = sorted.find((o) => head.startsWith(o.key) && (rest.length === o.text.length || /^\s*,/.test(rest.slice(o.text.length))))?.text;
    if (option) {
      known.push(option);
      rest = rest.slice(option.length).replace(/^\s*,\s*/, '');
    } else {
      const comma = rest.indexOf(',');
      const item = (comma < 0 ? rest : rest.slice(0, comma)).trim();
      if (item) unknown.push(item);
      rest = comma < 0 ? '' : rest.slice(comma + 1).trimStart();
    }
  }
  return { known, unknown };
}
