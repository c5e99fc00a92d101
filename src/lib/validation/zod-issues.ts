/**
 * Turns zod issues into problems an editor can act on: which field, what was
 * expected, what was found, how to fix it (after Starlight's utils/error-map.ts).
 */
import type { z } from 'astro/zod';
import { pathToField, show, type Problem } from './problem.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un groupe de champs',
  date: 'une date AAAA-MM-JJ',
  undefined: 'rien',
  null: 'une valeur vide',
};

/** Finds the description (`.describe()`) of the field at `path` in a schema. */
export function describeAt(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string | undefined {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } })?.def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') current = def.element;
    else return undefined;
    if (!current) return undefined;
  }
  return (current as { description?: string })?.description ?? (unwrap(current) as { description?: string })?.description;
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 10 && s?.def; i++) {
    const t = s.def.type;
    if (t === 'optional' || t === 'default' || t === 'nullable' || t === 'prefault' || t === 'readonly') s = s.def.innerType as typeof s;
    else if (t === 'pipe') s = s.def.in as typeof s;
    else break;
  }
  return s;
}

/** Closest candidate by edit distance, when it is close enough to be a typo. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const a = input.toLowerCase();
  const containing = candidates.filter((c) => a.length >= 3 && c.toLowerCase().includes(a));
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(a, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(a.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

function knownKeys(schema: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    current = def?.type === 'object' ? def.shape?.[String(key)] : def?.type === 'array' ? def.element : undefined;
    if (!current) return [];
  }
  const def = (unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

export function issueToProblems(file: string, schema: z.ZodType, issue: Issue): Problem[] {
  const field = pathToField(issue.path);
  const description = describeAt(schema, issue.path);
  const about = description ? ` (${description.replace(/\.$/, '')})` : '';
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) {
    return [
      {
        file,
        field,
        message: `champ obligatoire manquant${about}`,
        ...(issue.code === 'invalid_type' ? { expected: TYPE_NAMES[issue.expected] ?? issue.expected } : {}),
        hint: `ajoutez « ${String(issue.path.at(-1))}: … » dans l’en-tête du fichier`,
      },
    ];
  }
  switch (issue.code) {
    case 'invalid_type': {
      return [
        {
          file,
          field,
          message: `type de valeur incorrect${about}`,
          expected: TYPE_NAMES[issue.expected] ?? issue.expected,
          received: `${TYPE_NAMES[typeOf(issue.input)] ?? typeOf(issue.input)} : ${show(issue.input)}`,
          hint:
            issue.expected === 'number'
              ? 'écrivez le nombre sans unité ni espace, avec un point décimal (ex. 12.5)'
              : issue.expected === 'array'
                ? 'écrivez une liste YAML, un élément par ligne commençant par « - »'
                : undefined,
        },
      ];
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof issue.input === 'string' ? closest(issue.input, values) : undefined;
      return [
        {
          file,
          field,
          message: `valeur ${show(issue.input)} inconnue${about}`,
          expected: `une de ces valeurs : ${values.join(', ')}`,
          received: show(issue.input),
          hint: guess ? `vouliez-vous dire « ${guess} » ?` : 'recopiez une des valeurs possibles',
        },
      ];
    }
    case 'unrecognized_keys': {
      const keys = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const guess = closest(key, keys);
        return {
          file,
          field: pathToField([...issue.path, key]),
          message: `champ « ${key} » inconnu`,
          expected: keys.length ? `un des champs : ${keys.join(', ')}` : undefined,
          hint: guess ? `vouliez-vous dire « ${guess} » ?` : 'supprimez ce champ ou corrigez son nom',
        };
      });
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? issue.minimum : issue.maximum;
      const origin = issue.origin;
      let expected: string;
      if (origin === 'string') expected = small ? (Number(bound) <= 1 ? 'un texte non vide' : `au moins ${bound} caractères`) : `au plus ${bound} caractères`;
      else if (origin === 'array') expected = small ? `au moins ${bound} élément${Number(bound) > 1 ? 's' : ''}` : `au plus ${bound} éléments`;
      else expected = small ? `un nombre ${issue.inclusive ? '≥' : '>'} ${bound}` : `un nombre ${issue.inclusive ? '≤' : '<'} ${bound}`;
      const received =
        typeof issue.input === 'string' ? `${issue.input.length} caractères` : Array.isArray(issue.input) ? `${issue.input.length} élément(s)` : show(issue.input);
      const custom = issue.message && !issue.message.startsWith('Too ') ? issue.message : undefined;
      return [{ file, field, message: `${custom ?? 'valeur hors limites'}${about}`, expected, received }];
    }
    case 'invalid_format':
    case 'invalid_union':
    case 'custom':
    default: {
      const message = issue.message && !/^(Invalid|Too|Expected)/.test(issue.message) ? issue.message : 'valeur invalide';
      return [
        {
          file,
          field,
          message: `${message}${about}`,
          received: issue.input !== undefined && typeof issue.input !== 'object' ? show(issue.input) : undefined,
        },
      ];
    }
  }
}

/** Validates `data` with `schema`; returns the parsed value or the problems. */
export function validateWith<S extends z.ZodType>(
  file: string,
  schema: S,
  data: unknown,
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.flatMap((i) => issueToProblems(file, schema, i as Issue)) };
}
