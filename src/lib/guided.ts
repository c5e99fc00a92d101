/**
 * « Trouver une solution » (/trouver/): a buyer's need and constraints as a
 * few questions, and a shortlist that says, per criterion, whether each
 * solution meets it (✓), does not (✗) or does not say (?). « Not declared »
 * is never counted as « no » and never hidden.
 *
 * Pure rules, shared by the build (the facts each solution carries) and the
 * browser (the answers, the marks, the ranking, the address).
 */
import { AUDIENCES, THEMATICS } from '../schemas/taxonomy.ts';
import type { LaureateFacts } from './view/laureate.ts';
import { formatEuros, hasAllWords } from './view/format.ts';

export type Mark = 'met' | 'unmet' | 'unknown';

/** What the guide knows of a solution: only what its fiche declares (undefined = not declared). */
export interface GuideFacts {
  id: string;
  name: string;
  submitter: string;
  /** Name, summary, application context and thematics, for the use-case words (not the whole description: the page carries every solution's). */
  text: string;
  thematics: string[];
  audiences: string[];
  /** Whether the fiche says how it protects personal data (RGPD). */
  gdpr: boolean;
  /** Certifications, when the fiche has a « données et sécurité » part. */
  certifications?: string[];
  sensitiveInformation?: boolean;
  secNumCloud?: string;
  onPremise?: boolean;
  dataLocation?: string;
  deploymentCost?: number;
  annualCost?: number;
  openSource?: boolean;
}

/** The guide's facts of a laureate (build time). */
export function guideFacts(id: string, d: LaureateFacts): GuideFacts {
  const s = d.dataSecurity;
  return {
    id,
    name: d.name,
    submitter: d.submitter.name,
    text: [d.name, d.summary, d.applicationContext, d.approach, ...d.thematics.map((t) => THEMATICS.find((x) => x.slug === t)?.label)].filter(Boolean).join(' ').replace(/\s+/g, ' '),
    thematics: [...d.thematics],
    audiences: [...d.audiences],
    gdpr: !!s?.gdpr,
    ...(s ? { certifications: [...s.certifications], secNumCloud: s.secNumCloud } : {}),
    ...(s?.sensitiveInformation !== undefined ? { sensitiveInformation: s.sensitiveInformation } : {}),
    ...(s?.onPremise !== undefined ? { onPremise: s.onPremise } : {}),
    ...(s?.dataLocation ? { dataLocation: s.dataLocation } : {}),
    ...(d.costs?.deploymentCost !== undefined ? { deploymentCost: d.costs.deploymentCost } : {}),
    ...(d.costs?.annualMaintenanceCost !== undefined ? { annualCost: d.costs.annualMaintenanceCost } : {}),
    ...(d.openness?.openSource !== undefined ? { openSource: d.openness.openSource } : {}),
  };
}

const known = (v: boolean | undefined, ok: boolean): Mark => (v === undefined ? 'unknown' : v === ok ? 'met' : 'unmet');
const withinBudget = (value: number | undefined, max: number): Mark => (value === undefined ? 'unknown' : value <= max ? 'met' : 'unmet');

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** One criterion the answers make, with how a solution fares on it. */
export interface Criterion {
  key: string;
  /** Short, for the marks: « SecNumCloud », « Collectivités territoriales ». */
  label: string;
  mark: (f: GuideFacts) => Mark;
}

export interface Question {
  /** The address parameter. */
  key: string;
  legend: string;
  hint?: string;
  /** `checkbox`: several answers; `radio`, `select`: one; `text`: words. */
  type: 'checkbox' | 'radio' | 'select' | 'text';
  choices: Choice[];
  /** The criteria these answers make (none when unanswered). */
  criteria: (values: string[]) => Criterion[];
}

const BUDGETS = [10_000, 50_000, 100_000, 250_000];
const YEARLY = [5_000, 20_000, 50_000, 100_000];
const budgetChoices = (amounts: number[]) => [{ value: '', label: 'Pas de limite' }, ...amounts.map((a) => ({ value: String(a), label: `Jusqu’à ${formatEuros(a)}` }))];

const HOSTING: Record<string, { label: string; short: string; mark: (f: GuideFacts) => Mark }> = {
  secnumcloud: {
    label: 'Qualification SecNumCloud exigée (offre qualifiée, ou hébergeable sur une offre qualifiée)',
    short: 'SecNumCloud',
    mark: (f) => (f.secNumCloud === undefined ? 'unknown' : f.secNumCloud === 'qualifie' || f.secNumCloud === 'hebergeable' ? 'met' : 'unmet'),
  },
  'sur-site': { label: 'Installation sur nos serveurs exigée', short: 'Installable sur site', mark: (f) => known(f.onPremise, true) },
  france: { label: 'Données en France', short: 'Données en France', mark: (f) => (f.dataLocation === undefined ? 'unknown' : f.dataLocation === 'france' ? 'met' : 'unmet') },
  ue: { label: 'Données dans l’Union européenne', short: 'Données dans l’UE', mark: (f) => (f.dataLocation === undefined ? 'unknown' : f.dataLocation === 'hors-ue' ? 'unmet' : 'met') },
};

const SENSITIVITY: Record<string, { label: string; short: string; mark: (f: GuideFacts) => Mark }> = {
  personnelles: { label: 'Données personnelles', short: 'Protection des données personnelles décrite', mark: (f) => (f.gdpr ? 'met' : 'unknown') },
  sante: {
    label: 'Données de santé (hébergement certifié HDS)',
    short: 'Certifiée HDS',
    mark: (f) => (f.certifications === undefined || f.certifications.length === 0 ? 'unknown' : f.certifications.includes('hds') ? 'met' : 'unmet'),
  },
  sensibles: { label: 'Informations sensibles (article 31 de la loi SREN)', short: 'Informations sensibles (SREN)', mark: (f) => known(f.sensitiveInformation, true) },
};

export const QUESTIONS: Question[] = [
  {
    key: 'q',
    legend: 'Pour quoi faire ?',
    hint: 'Quelques mots de votre besoin (ex. « courrier », « accueil », « réunion »).',
    type: 'text',
    choices: [],
    criteria: ([q]) => (q ? [{ key: 'q', label: `« ${q} »`, mark: (f: GuideFacts): Mark => (hasAllWords(f.text, q) ? 'met' : 'unmet') }] : []),
  },
  {
    key: 'thematique',
    legend: 'Dans quel domaine ?',
    hint: 'Une solution convient si elle déclare l’une des thématiques cochées.',
    type: 'checkbox',
    choices: THEMATICS.map((t) => ({ value: t.slug, label: t.label })),
    criteria: (values) =>
      values.length === 0
        ? []
        : [{ key: 'thematique', label: values.length === 1 ? THEMATICS.find((t) => t.slug === values[0])!.shortLabel : 'Thématique', mark: (f) => (f.thematics.length === 0 ? 'unknown' : f.thematics.some((t) => values.includes(t)) ? 'met' : 'unmet') }],
  },
  {
    key: 'public',
    legend: 'Pour quelle administration ?',
    type: 'radio',
    choices: [{ value: '', label: 'Indifférent' }, ...AUDIENCES.options.map((a) => ({ value: a.value, label: a.label }))],
    criteria: ([a]) => (a ? [{ key: 'public', label: AUDIENCES.label(a as never), mark: (f) => (f.audiences.length === 0 ? 'unknown' : f.audiences.includes(a) ? 'met' : 'unmet') }] : []),
  },
  {
    key: 'donnees',
    legend: 'Quelles données la solution traitera-t-elle ?',
    type: 'checkbox',
    choices: Object.entries(SENSITIVITY).map(([value, c]) => ({ value, label: c.label })),
    criteria: (values) => values.filter((v) => v in SENSITIVITY).map((v) => ({ key: `donnees-${v}`, label: SENSITIVITY[v]!.short, mark: SENSITIVITY[v]!.mark })),
  },
  {
    key: 'hebergement',
    legend: 'Quelles contraintes d’hébergement ?',
    type: 'checkbox',
    choices: Object.entries(HOSTING).map(([value, c]) => ({ value, label: c.label })),
    criteria: (values) => values.filter((v) => v in HOSTING).map((v) => ({ key: `hebergement-${v}`, label: HOSTING[v]!.short, mark: HOSTING[v]!.mark })),
  },
  {
    key: 'deploiement',
    legend: 'Quel budget de déploiement (hors taxes) ?',
    type: 'select',
    choices: budgetChoices(BUDGETS),
    criteria: ([v]) => (v && Number(v) > 0 ? [{ key: 'deploiement', label: `Déploiement ≤ ${formatEuros(Number(v))}`, mark: (f) => withinBudget(f.deploymentCost, Number(v)) }] : []),
  },
  {
    key: 'annuel',
    legend: 'Quel budget annuel de maintenance (hors taxes) ?',
    type: 'select',
    choices: budgetChoices(YEARLY),
    criteria: ([v]) => (v && Number(v) > 0 ? [{ key: 'annuel', label: `Maintenance ≤ ${formatEuros(Number(v))} par an`, mark: (f) => withinBudget(f.annualCost, Number(v)) }] : []),
  },
  {
    key: 'open-source',
    legend: 'Une solution open source ?',
    type: 'radio',
    choices: [
      { value: '', label: 'Indifférent' },
      { value: 'oui', label: 'Oui, open source' },
    ],
    criteria: ([v]) => (v === 'oui' ? [{ key: 'open-source', label: 'Open source', mark: (f) => known(f.openSource, true) }] : []),
  },
];

export type Answers = Record<string, string[]>;

/** The answers of an address, unknown values dropped. */
export function parseAnswers(search: string): Answers {
  const params = new URLSearchParams(search);
  const out: Answers = {};
  for (const q of QUESTIONS) {
    const values = params.getAll(q.key).map((v) => v.trim()).filter(Boolean);
    const kept = q.type === 'text' ? values.slice(0, 1).map((v) => v.slice(0, 100)) : [...new Set(values.filter((v) => q.choices.some((c) => c.value === v)))];
    if (q.type === 'radio' || q.type === 'select') kept.splice(1);
    if (kept.length > 0) out[q.key] = kept;
  }
  return out;
}

/** The address of these answers (questions in order). */
export function serialiseAnswers(answers: Answers): string {
  const params = new URLSearchParams();
  for (const q of QUESTIONS) for (const v of answers[q.key] ?? []) params.append(q.key, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const criteriaOf = (answers: Answers): Criterion[] => QUESTIONS.flatMap((q) => q.criteria(answers[q.key] ?? []));

export interface Ranked {
  facts: GuideFacts;
  marks: Array<{ key: string; label: string; mark: Mark }>;
  met: number;
  unmet: number;
  unknown: number;
}

/**
 * The shortlist: every solution with its marks, ranked — first those that
 * miss no criterion, then by criteria met (a « not declared » counts
 * neither for nor against), then by name.
 */
export function shortlist(all: readonly GuideFacts[], answers: Answers): Ranked[] {
  const criteria = criteriaOf(answers);
  const collator = new Intl.Collator('fr');
  return all
    .map((facts) => {
      const marks = criteria.map((c) => ({ key: c.key, label: c.label, mark: c.mark(facts) }));
      const count = (m: Mark) => marks.filter((x) => x.mark === m).length;
      return { facts, marks, met: count('met'), unmet: count('unmet'), unknown: count('unknown') };
    })
    .sort((a, b) => Number(a.unmet > 0) - Number(b.unmet > 0) || b.met - a.met || a.unmet - b.unmet || collator.compare(a.facts.name, b.facts.name));
}

export const RANKING_EXPLAINED =
  'Classement : d’abord les solutions qui ne manquent aucun de vos critères, puis celles qui en remplissent le plus ; un critère que la fiche ne renseigne pas (« ? ») ne compte ni pour ni contre, et la solution reste affichée ; à égalité, l’ordre est alphabétique.';

export const MARK_TEXT: Record<Mark, { symbol: string; words: string }> = {
  met: { symbol: '✓', words: 'rempli' },
  unmet: { symbol: '✗', words: 'non rempli' },
  unknown: { symbol: '?', words: 'non renseigné' },
};
