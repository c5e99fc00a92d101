/**
 * The YAML of an ingested front matter, byte for byte what the `yaml`
 * library writes with the ingestion's options (double-quoted strings, plain
 * keys, no line width), for the shapes the ingestion produces: objects,
 * lists, strings, finite numbers and booleans. It is six times faster than
 * building a YAML document (1.5 s of the 10,000-dossier bench); anything
 * outside those shapes goes to the library itself, and a property-based
 * test (front-matter.test.ts) holds the two outputs equal — except for a
 * line made of a single space inside a long text, which the library writes
 * as an escaped backslash (it reads back `\`); this writer keeps the space.
 */
import { stringify } from 'yaml';

export const YAML_OPTIONS = { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', aliasDuplicateObjects: false } as const;

/** The library's minimum length for writing a double-quoted string over several lines. */
const MIN_MULTILINE_LENGTH = 40;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

class Unsupported extends Error {}

/** A double-quoted scalar, as the library's `doubleQuotedString` writes it (JSON escapes, YAML short forms, folded line breaks). */
function quoted(value: string, indent: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break is escaped so that folding keeps it — once: a line of a
      // single space was already escaped as the space after the previous break (the library
      // escapes it twice and reads back a backslash: yaml 2.9.1).
      const escaped = start === i && str.endsWith('\\');
      str += `${json.slice(start, i)}${escaped ? ' ' : '\\ '}`;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i);
      const code = json.slice(i + 2, i + 6);
      const short: Record<string, string> = { '0000': '\\0', '0007': '\\a', '000b': '\\v', '001b': '\\e', '0085': '\\N', '00a0': '\\_', '2028': '\\L', '2029': '\\P' };
      str += short[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.slice(i, i + 6));
      i += 5;
      start = i + 1;
    } else if (next === 'n') {
      if (json[i + 2] === '"' || json.length < MIN_MULTILINE_LENGTH) {
        i += 1;
      } else {
        // Folding eats the first line break: a blank line stands for one.
        str += `${json.slice(start, i)}\n\n`;
        while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
          str += '\n';
          i += 2;
        }
        str += indent;
        if (json[i + 2] === ' ') str += '\\';
        i += 1;
        start = i + 1;
      }
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

function scalar(value: unknown, indent: string): string {
  if (typeof value === 'string') return quoted(value, indent);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isFinite(value)) return Object.is(value, -0) ? '-0' : JSON.stringify(value);
  throw new Unsupported();
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** `key: value` lines of a mapping whose keys start at `indent`. */
function mapping(object: Record<string, unknown>, indent: string, out: string[], first = true): void {
  let line = 0;
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined) continue;
    if (!PLAIN_KEY.test(key)) throw new Unsupported();
    const lead = first && line === 0 ? '' : indent;
    line++;
    entry(`${lead}${key}:`, value, indent, out);
  }
}

function entry(head: string, value: unknown, indent: string, out: string[]): void {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${head} []\n`);
      return;
    }
    out.push(`${head}\n`);
    for (const item of value) item_(item, inner, out);
  } else if (isObject(value)) {
    if (Object.values(value).every((v) => v === undefined)) {
      out.push(`${head} {}\n`);
      return;
    }
    out.push(`${head}\n${inner}`);
    mapping(value, inner, out);
  } else {
    out.push(`${head} ${scalar(value, inner)}\n`);
  }
}

/** One `- item` of a list whose dashes stand at `indent`. */
function item_(item: unknown, indent: string, out: string[]): void {
  const inner = `${indent}  `;
  if (Array.isArray(item)) throw new Unsupported();
  if (isObject(item)) {
    if (Object.values(item).every((v) => v === undefined)) {
      out.push(`${indent}- {}\n`);
      return;
    }
    out.push(`${indent}- `);
    mapping(item, inner, out);
  } else {
    out.push(`${indent}- ${scalar(item, inner)}\n`);
  }
}

/** The YAML of a front matter (a mapping), as `yaml.stringify(data, YAML_OPTIONS)` writes it. */
export function frontMatterYaml(data: Record<string, unknown>): string {
  try {
    const out: string[] = [];
    mapping(data, '', out);
    return out.join('');
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return stringify(data, YAML_OPTIONS);
  }
}
