/**
 * Who is published: a dossier is a laureate when every source of the
 * committee's decision that speaks about it says so (state `Accepté`, the
 * private annotation, the decisions table). When they disagree, nothing is
 * guessed: the dossier is not published and the report says why.
 */
import { normaliseLabel } from '../schemas/enum.ts';
import type { Dossier } from './dossiers.ts';
import type { Mapping } from './mapping.ts';
import { yesNo } from './ds-rules.ts';

export type Decision =
  | { kind: 'laureate' }
  | { kind: 'not-laureate'; reason: string }
  | { kind: 'disagreement'; reason: string }
  | { kind: 'no-consent'; reason: string };

const same = (a: string, b: string) => normaliseLabel(a).toLowerCase() === normaliseLabel(b).toLowerCase();

export function decide(dossier: Dossier, mapping: Mapping, decisionsTable?: ReadonlyMap<number, string>): Decision {
  const votes: Array<{ source: string; says: boolean; value: string }> = [];
  votes.push({ source: 'état du dossier', says: same(dossier.state, mapping.rule.acceptedState), value: dossier.state || '(vide)' });

  const rule = mapping.rule.decision;
  const annotation = rule ? dossier.value(rule.field)?.trim() : undefined;
  if (rule && annotation) votes.push({ source: 'décision du comité', says: same(annotation, rule.laureate), value: annotation });

  const tableValue = decisionsTable?.get(dossier.number);
  if (mapping.decisionsTable && tableValue) {
    votes.push({ source: 'tableau de décisions', says: same(tableValue, mapping.decisionsTable.laureate), value: tableValue });
  }

  const decisionKnown = votes.length > 1;
  const describe = () => votes.map((v) => `${v.source} : « ${v.value} »`).join(', ');
  if (votes.every((v) => !v.says)) return { kind: 'not-laureate', reason: `non lauréat (${describe()})` };
  if (votes.some((v) => !v.says)) return { kind: 'disagreement', reason: `sources en désaccord (${describe()})` };
  if (!decisionKnown) {
    return {
      kind: 'disagreement',
      reason: `dossier « ${dossier.state} » sans décision du comité (annotation vide et absent du tableau de décisions)`,
    };
  }
  const consent = yesNo(dossier.value(mapping.rule.consent));
  if (consent !== true) {
    return { kind: 'no-consent', reason: 'lauréat sans accord de publication (case non cochée)' };
  }
  return { kind: 'laureate' };
}
