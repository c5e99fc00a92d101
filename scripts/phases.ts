/**
 * Where a catalogue build spends its time, read from its log: each line is
 * stamped when it arrived (scripts/measure.ts), and the markers below, in
 * the order a build writes them, cut the run into phases. A phase whose
 * markers are missing (another log shape) is left out rather than guessed.
 */
export interface StampedLine {
  /** Milliseconds since the command started. */
  ms: number;
  text: string;
}

export interface Phase {
  name: string;
  seconds: number;
}

/** Each phase ends at the first line matching its marker after the previous phase's end. */
export const PHASE_MARKERS: ReadonlyArray<{ name: string; end: RegExp }> = [
  { name: 'ingestion et validation du contenu', end: /\[catalogue\] contenu valide/ },
  { name: 'synchronisation du contenu (Astro)', end: /\[content\] Synced content/ },
  { name: 'compilation (Vite)', end: /generating static routes/ },
  { name: 'pages, données, images de partage', end: /✓ Completed in/ },
  { name: 'optimisation des images', end: /✓ Completed in/ },
  { name: 'réduction de la CSS du DSFR', end: /CSS du DSFR réduite/ },
  { name: 'index Pagefind', end: /index de recherche :/ },
];

export function buildPhases(lines: readonly StampedLine[], totalMs: number): Phase[] {
  const out: Phase[] = [];
  let from = 0;
  let at = 0;
  for (const { name, end } of PHASE_MARKERS) {
    let i = at;
    while (i < lines.length && !end.test(lines[i]!.text)) i++;
    if (i === lines.length) continue; // not in this log: the next phase starts from the same point
    out.push({ name, seconds: Math.round((lines[i]!.ms - from) / 10) / 100 });
    from = lines[i]!.ms;
    at = i + 1;
  }
  out.push({ name: 'le reste (sitemap, fin de construction, remplacement de dist/)', seconds: Math.round((totalMs - from) / 10) / 100 });
  return out;
}
