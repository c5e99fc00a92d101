/** A problem found in the content, phrased for an editor. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Field path in the front matter, dotted (`submitter.siret`, `metrics.0.unit`); empty for the whole file. */
  field: string;
  /** What is wrong, in French. */
  message: string;
  /** What was expected. */
  expected?: string;
  /** What was found (shortened). */
  received?: string;
  /** How to fix it. */
  hint?: string;
  /** Line of the file, when known. */
  line?: number;
  /** A warning does not stop the build. */
  severity?: 'error' | 'warning';
}

export function pathToField(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/** Renders a value found in a file for a message: short, on one line. */
export function show(value: unknown): string {
  if (value === undefined) return 'rien (champ absent)';
  if (value === null) return 'une valeur vide';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'une date invalide' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const oneLine = value.replace(/\s+/g, ' ');
    return `« ${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine} »`;
  }
  if (Array.isArray(value)) return `une liste de ${value.length} élément${value.length > 1 ? 's' : ''}`;
  if (typeof value === 'object') return 'un groupe de champs';
  return String(value);
}

/** Formats problems grouped by file, for the terminal. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const list of byFile.values()) list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const lines: string[] = [];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${file}`);
    for (const p of list) {
      const mark = p.severity === 'warning' ? '⚠' : '✗';
      lines.push(`  ${mark} ${p.line ? `ligne ${p.line} · ` : ''}${p.field || '(fichier)'} : ${p.message}`);
      if (p.expected) lines.push(`      attendu : ${p.expected}`);
      if (p.received) lines.push(`      trouvé : ${p.received}`);
      if (p.hint) lines.push(`      correction : ${p.hint}`);
    }
  }
  const files = byFile.size;
  const errors = problems.filter((p) => p.severity !== 'warning').length;
  const warnings = problems.length - errors;
  lines.push(
    `${errors} problème${errors > 1 ? 's' : ''}${warnings ? ` et ${warnings} avertissement${warnings > 1 ? 's' : ''}` : ''} dans ${files} fichier${files > 1 ? 's' : ''}.`,
  );
  return lines.join('\n');
}
