/**
 * Maps one dossier to a laureate: only the mapped public fields, converted
 * with the taxonomy, sanitised, with a warning for everything dropped or fixed.
 */
import {
  AUDIENCES,
  CATEGORY_ENUM,
  CERTIFICATIONS,
  COMPANY_SIZES,
  DATA_LOCATIONS,
  MATURITY_LEVELS,
  METRIC_TYPES,
  PRICING_MODELS,
  REFERENCE_KINDS,
  RGAA_LEVELS,
  SECNUMCLOUD_STATUSES,
  SUBMITTER_KINDS,
  THEMATIC_ENUM,
} from '../schemas/taxonomy.ts';
import { NAME_ADVISED_MAX, SUMMARY_MAX } from '../schemas/laureate.ts';
import type { LabelledEnum } from '../schemas/enum.ts';
import type { BlockKey, Dossier } from './dossiers.ts';
import { BODY_TARGET, METRIC_TARGETS, REFERENCE_TARGETS, TARGETS, type Conversion, type FieldSource, type Mapping, type Target } from './mapping.ts';
import { cleanText, normaliseSiret, normaliseUrl, oneLine, parseDecimal, splitOptions, toPlainMarkdown } from './sanitise.ts';
import { answeredNumber, selectionDate, yesNo, ZERO_IS_BLANK } from './ds-rules.ts';

export interface Warning {
  field: string;
  message: string;
}

export interface MappedLaureate {
  /** Front matter, without images and brochure (added once the files are processed). */
  data: Record<string, unknown>;
  body: string;
  attachments: { logo?: string; screenshots: string[]; brochure?: string };
  warnings: Warning[];
  /** What prevents writing the laureate (each names its field). */
  errors: Warning[];
}

interface EnumSource {
  options: readonly string[];
  from(text: string): string | undefined;
}
const fromEnum = (e: LabelledEnum<string>): EnumSource => ({
  options: e.options.flatMap((o) => (o.dsOption ? [o.dsOption] : [])),
  from: (t) => e.fromDsOption(t),
});

export const ENUM_SOURCES: Record<string, EnumSource> = {
  category: fromEnum(CATEGORY_ENUM),
  thematic: fromEnum(THEMATIC_ENUM),
  audience: fromEnum(AUDIENCES),
  maturity: fromEnum(MATURITY_LEVELS),
  submitterKind: fromEnum(SUBMITTER_KINDS),
  companySize: fromEnum(COMPANY_SIZES),
  pricingModel: fromEnum(PRICING_MODELS),
  secNumCloud: fromEnum(SECNUMCLOUD_STATUSES),
  dataLocation: fromEnum(DATA_LOCATIONS),
  rgaa: fromEnum(RGAA_LEVELS),
  certification: { ...fromEnum(CERTIFICATIONS), options: [...fromEnum(CERTIFICATIONS).options, 'Aucune'] },
  metricType: fromEnum(METRIC_TYPES),
  referenceKind: fromEnum(REFERENCE_KINDS),
};

const WEIGHTS = /\s*\((poids\s+(ouverts|fermés|fermes)|open[\s-]weights?|closed[\s-]weights?)\)\s*$/i;

type Warn = (field: string, message: string) => void;

function convertEnum(key: string, raw: string | undefined, field: string, warn: Warn): string | undefined {
  const text = oneLine(raw);
  if (!text) return undefined;
  const value = ENUM_SOURCES[key]!.from(text);
  if (!value) warn(field, `option inconnue « ${text} » non reprise : choisissez la valeur du catalogue qui convient et ajoutez-la à la fiche`);
  return value;
}

/** A multiple choice: the API's list when there is one, else the export's cell split on the known options. */
function convertMulti(key: string, raw: string | undefined, field: string, warn: Warn, listed?: string[]): string[] {
  const source = ENUM_SOURCES[key]!;
  const { known, unknown } = listed
    ? { known: listed.filter((k) => source.from(k)), unknown: listed.filter((k) => !source.from(k)) }
    : splitOptions(raw, source.options);
  for (const u of unknown) warn(field, `option inconnue « ${u} » non reprise : ajoutez-la à la fiche à la main si elle correspond à une valeur du catalogue`);
  return [...new Set(known.map((k) => source.from(k)).filter((v): v is string => !!v))];
}

/** Counts, amounts and years: never negative; 0 is DS's blank (ds-rules.ts). */
function convertNumber(conversion: 'count' | 'money' | 'year', raw: string | undefined, field: string, warn: Warn): number | undefined {
  const text = oneLine(raw);
  const n = parseDecimal(text);
  if (text && (n === undefined || n < 0)) {
    warn(field, `nombre illisible « ${text} »`);
    return undefined;
  }
  if (n === 0) warn(field, ZERO_IS_BLANK);
  const answered = answeredNumber(n);
  if (answered === undefined) return undefined;
  return conversion === 'money' ? answered : Math.round(answered);
}

/** One model a line, « (poids ouverts) » / « (open weights) » read into openWeights. */
function convertModels(raw: string | undefined): Array<{ name: string; openWeights?: boolean }> {
  return cleanText(raw)
    .split('\n')
    .map((line) => line.trim().replace(/^[-•*]\s*/, ''))
    .filter(Boolean)
    .map((line) => {
      const m = WEIGHTS.exec(line);
      const name = oneLine(line.replace(WEIGHTS, ''));
      const openWeights = m ? /ouverts|open/i.test(m[1]!) : undefined;
      return openWeights === undefined ? { name } : { name, openWeights };
    });
}

/** Converts one DS value; undefined means "absent". Pushes a warning for what is dropped. */
function convert(
  conversion: Conversion,
  raw: string | undefined,
  field: string,
  warn: (field: string, message: string) => void,
  listed?: string[],
  attachmentNames: readonly string[] = [],
): unknown {
  if (typeof conversion === 'object' && 'enum' in conversion) return convertEnum(conversion.enum, raw, field, warn);
  if (typeof conversion === 'object' && 'multi' in conversion) return convertMulti(conversion.multi, raw, field, warn, listed);
  switch (conversion) {
    case 'text': {
      const v = oneLine(raw);
      return v || undefined;
    }
    case 'multiline': {
      const v = cleanText(raw);
      return v || undefined;
    }
    case 'url': {
      const r = normaliseUrl(raw);
      if (r && !r.ok) warn(field, `${r.reason} : adresse non publiée`);
      return r?.ok ? r.url : undefined;
    }
    case 'siret': {
      const r = normaliseSiret(raw);
      if (r && !r.ok) warn(field, `${r.reason} : non publié`);
      return r?.ok ? r.siret : undefined;
    }
    case 'yesno': {
      const text = oneLine(raw);
      const v = yesNo(text);
      if (text && v === undefined) warn(field, `réponse « ${text} » illisible (attendu Oui ou Non)`);
      return v;
    }
    case 'decimal': {
      const text = oneLine(raw);
      const n = parseDecimal(text);
      if (text && n === undefined) warn(field, `nombre illisible « ${text} »`);
      return n;
    }
    case 'count':
    case 'money':
    case 'year':
      return convertNumber(conversion, raw, field, warn);
    case 'models':
      return convertModels(raw);
    case 'attachment': {
      const [first, ...more] = splitAttachmentNames(raw, attachmentNames);
      if (more.length > 0) warn(field, `une seule pièce jointe attendue : « ${first} » retenue, ${more.map((m) => `« ${m} »`).join(', ')} non repris`);
      return first;
    }
    case 'attachments':
      return splitAttachmentNames(raw, attachmentNames);
  }
}

/**
 * Attachment cells hold original file names joined with `, `, and a name may
 * itself contain `, `: the names of the dossier's files in the attachments
 * export are matched first (longest first); what remains is split after each
 * file extension.
 */
export function splitAttachmentNames(raw: string | undefined, known: readonly string[] = []): string[] {
  const text = oneLine(raw);
  if (!text) return [];
  const { known: matched, unknown } = known.length > 0 ? splitOptions(text, known, { exact: true }) : { known: [], unknown: [] };
  if (known.length > 0 && unknown.length === 0) return matched;
  return text
    .split(/(?<=\.[A-Za-z0-9]{2,5}),\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}

function mapBlock<T extends Record<string, Conversion>>(
  dossier: Dossier,
  key: BlockKey,
  targets: T,
  sources: Partial<Record<keyof T, FieldSource>> | undefined,
  warn: (field: string, message: string) => void,
): Array<Record<string, unknown>> {
  if (!sources) return [];
  return dossier.block(key).map((row, i) => {
    const out: Record<string, unknown> = {};
    for (const [name, conversion] of Object.entries(targets)) {
      const source = sources[name as keyof T];
      if (!source) continue;
      const v = convert(conversion, row.value(source), `${key}.${i}.${name}`, warn);
      if (v !== undefined) out[name] = v;
    }
    return out;
  });
}

/** Impact figures: only documented ones (label, unit, method, a value), each marked as declared. */
function mapMetrics(dossier: Dossier, mapping: Mapping, warn: (field: string, message: string) => void): Array<Record<string, unknown>> {
  return mapBlock(dossier, 'metrics', METRIC_TARGETS, mapping.blocks.metrics?.fields, warn).flatMap((m, i) => {
    const before = m.before as number | undefined;
    const after = m.after as number | undefined;
    if ((before ?? 0) === 0 && (after ?? 0) === 0) {
      warn(`metrics.${i}`, `indicateur « ${String(m.label ?? '')} » sans valeur (avant et après à 0, c’est-à-dire non renseignés) : ignoré`);
      return [];
    }
    if (!m.label || !m.unit) {
      warn(`metrics.${i}`, 'indicateur sans libellé ou sans unité : ignoré');
      return [];
    }
    if (!m.method) {
      // The catalogue publishes only documented figures for market solutions (see warnings.ts, marketMetricErrors).
      warn(`metrics.${i}`, `indicateur « ${String(m.label)} » sans méthode de mesure : non publié, à compléter par un éditeur`);
      return [];
    }
    const metric: Record<string, unknown> = { type: m.type ?? 'autre', label: m.label };
    if (before !== undefined && before !== 0) metric.before = before;
    else if (before === 0) warn(`metrics.${i}.before`, 'valeur avant à 0, considérée comme non renseignée (DS exporte un nombre vide comme 0)');
    metric.after = after ?? 0;
    metric.unit = m.unit;
    if (m.method) metric.method = m.method;
    if (m.perimeter) metric.perimeter = m.perimeter;
    // Figures typed by the applicant: declared until someone checks them.
    metric.evidence = 'declare';
    return [metric];
  });
}

/** Deployments: an organisation and a kind, or nothing. */
function mapReferences(dossier: Dossier, mapping: Mapping, warn: (field: string, message: string) => void): Array<Record<string, unknown>> {
  return mapBlock(dossier, 'references', REFERENCE_TARGETS, mapping.blocks.references?.fields, warn).filter((r, i) => {
    if (!r.organisation || !r.kind) {
      warn(`references.${i}`, 'déploiement sans organisation ou sans type reconnu : ignoré');
      return false;
    }
    return true;
  });
}

/**
 * @param attachmentNames original names of the dossier's files in the
 *   attachments export (to split a cell whose names contain commas)
 */
export function mapDossier(dossier: Dossier, mapping: Mapping, attachmentNames: readonly string[] = []): MappedLaureate {
  const warnings: Warning[] = [];
  const errors: Warning[] = [];
  const warn = (field: string, message: string) => warnings.push({ field, message });
  const data: Record<string, unknown> = {
    call: mapping.call,
    demo: false,
    published: true,
    dossierNumber: dossier.number,
  };
  let description: string | undefined;
  const attachments: MappedLaureate['attachments'] = { screenshots: [] };

  for (const [target, source] of Object.entries(mapping.fields) as Array<[Target, FieldSource]>) {
    const listed = typeof TARGETS[target] === 'object' && 'multi' in (TARGETS[target] as object) ? dossier.values?.(source) : undefined;
    const value = convert(TARGETS[target], dossier.value(source), target, warn, listed, attachmentNames);
    if (value === undefined || (Array.isArray(value) && value.length === 0 && target !== 'dataSecurity.certifications')) continue;
    if (target === BODY_TARGET) description = value as string;
    else if (target === 'logo') attachments.logo = value as string;
    else if (target === 'screenshots') attachments.screenshots = value as string[];
    else if (target === 'brochure') attachments.brochure = value as string;
    else setPath(data, target, value);
  }

  // Long texts are kept whole (the cards clamp them visually): an editor is asked to shorten them.
  if (typeof data.name === 'string' && data.name.length > NAME_ADVISED_MAX) {
    warn('name', `nom de ${data.name.length} caractères, gardé en entier : un nom de plus de ${NAME_ADVISED_MAX} caractères est coupé visuellement sur les cartes, proposez au lauréat un nom plus court`);
  }
  if (typeof data.summary === 'string' && data.summary.length > SUMMARY_MAX) {
    warn('summary', `résumé de ${data.summary.length} caractères, gardé en entier : au-delà de ${SUMMARY_MAX} caractères il est coupé visuellement sur les cartes, à raccourcir par un éditeur`);
  }

  // Every thematic the applicant ticked is kept, whatever the category (the form offers one flat list).
  if (data.category && (!Array.isArray(data.thematics) || data.thematics.length === 0)) {
    warn('thematics', 'aucune thématique reconnue : « Autre » retenue');
    data.thematics = ['autre'];
  }

  // A certification « Aucune » means an empty list.
  const ds = data.dataSecurity as Record<string, unknown> | undefined;
  if (ds && !Array.isArray(ds.certifications)) ds.certifications = [];

  const metrics = mapMetrics(dossier, mapping, warn);
  if (metrics.length > 0) data.metrics = metrics;
  const references = mapReferences(dossier, mapping, warn);
  if (references.length > 0) data.references = references;

  const selectedOn = selectionDate(dossier, mapping);
  if (selectedOn.ok) data.selectedOn = selectedOn.date;
  else errors.push({ field: 'selectedOn', message: selectedOn.message });

  let body = toPlainMarkdown(description);
  if (!body) {
    warn('description', 'description vide : le résumé la remplace');
    body = toPlainMarkdown(typeof data.summary === 'string' ? data.summary : '');
  }
  return { data, body, attachments, warnings, errors };
}
