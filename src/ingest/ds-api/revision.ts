/**
 * The mapping checked against the démarche's active revision before any
 * dossier is read: a field renamed or removed in the form is named with what
 * mapping.yml expected, and the run stops before writing anything.
 */
import { DEMANDEUR_LABELS } from '../dossiers.ts';
import { idOf, labelsOf, type FieldSource, type Mapping } from '../mapping.ts';
import { headerKey } from '../table.ts';
import type { ApiDescriptor, ApiRevision } from './query.ts';

interface Descriptors {
  byId: Map<string, ApiDescriptor>;
  byLabel: Map<string, ApiDescriptor[]>;
}

function index(descriptors: readonly ApiDescriptor[]): Descriptors {
  const byId = new Map<string, ApiDescriptor>();
  const byLabel = new Map<string, ApiDescriptor[]>();
  for (const d of descriptors) {
    byId.set(d.id, d);
    byLabel.set(headerKey(d.label), [...(byLabel.get(headerKey(d.label)) ?? []), d]);
  }
  return { byId, byLabel };
}

const quoted = (labels: readonly string[]) => labels.map((l) => `« ${l} »`).join(' ou ');

/** The descriptor a source names, or the problem, in French; `where` says champ or annotation. */
function check(target: string, source: FieldSource, where: Descriptors, kind: string, demandeur: boolean): { descriptor?: ApiDescriptor; problem?: string } {
  const id = idOf(source);
  const labels = labelsOf(source);
  if (id) {
    const descriptor = where.byId.get(id);
    if (descriptor) return { descriptor };
    return { problem: `« ${target} » : ${kind} d’identifiant ${id} (${quoted(labels)}) absent de la révision active — supprimé ou remplacé dans le formulaire ; mettez à jour l’identifiant dans mapping.yml` };
  }
  for (const label of labels) {
    const found = where.byLabel.get(headerKey(label));
    if (found && found.length > 1) {
      return { problem: `« ${target} » : ${found.length} ${kind}s s’appellent « ${label} » dans la révision active — précisez lequel par son identifiant dans mapping.yml ({ label, id }, id parmi ${found.map((d) => d.id).join(', ')})` };
    }
    if (found) return { descriptor: found[0] };
    if (demandeur && DEMANDEUR_LABELS.some((l) => headerKey(l) === headerKey(label))) return {};
  }
  return { problem: `« ${target} » : ${kind} ${quoted(labels)} introuvable dans la révision active de la démarche — renommé ou supprimé dans le formulaire ? corrigez le libellé dans mapping.yml` };
}

export function revisionProblems(mapping: Mapping, revision: ApiRevision): string[] {
  const champs = index(revision.champDescriptors);
  const annotations = index(revision.annotationDescriptors);
  const problems: string[] = [];
  for (const [target, source] of Object.entries(mapping.fields) as Array<[string, FieldSource]>) {
    const p = check(target, source, champs, 'champ', true).problem;
    if (p) problems.push(p);
  }
  const consent = check('rule.consent', mapping.rule.consent, champs, 'champ', false).problem;
  if (consent) problems.push(consent);
  if (mapping.rule.decision) {
    const p = check('rule.decision', mapping.rule.decision.field, annotations, 'annotation privée', false).problem;
    if (p) problems.push(p);
  }
  for (const [key, block] of Object.entries(mapping.blocks)) {
    if (!block) continue;
    const found = check(`blocks.${key}`, block.id ? { label: block.label, id: block.id } : block.label, champs, 'bloc répétable', false);
    if (found.problem) {
      problems.push(found.problem);
      continue;
    }
    const children = index(found.descriptor?.champDescriptors ?? []);
    for (const [field, source] of Object.entries(block.fields) as Array<[string, FieldSource]>) {
      const p = check(`blocks.${key}.${field}`, source, children, `champ du bloc « ${block.label} »`, false).problem;
      if (p) problems.push(p);
    }
  }
  return problems;
}
