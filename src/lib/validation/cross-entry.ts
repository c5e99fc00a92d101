/**
 * Checks that need several entries at once: references to calls, slugs and
 * dossier numbers that must be unique, fields required by the call's kind.
 * Pure: takes parsed entries, returns problems.
 */
import type { Call } from '../../schemas/call.ts';
import { LAUREATE_SLUG_PATTERN, requiredFields, type LaureateData } from '../../schemas/laureate.ts';
import { pathToField, type Problem } from './problem.ts';
import { RESERVED_LAUREATE_SLUGS } from '../slug.ts';
import { closest } from './zod-issues.ts';

export interface ParsedEntry<T> {
  file: string;
  slug: string;
  data: T;
}

export interface LaureateEntry extends ParsedEntry<LaureateData> {
  /** Name of the folder under content/laureates/ (must be the call's slug). */
  folder: string;
}

export function crossEntryProblems(
  calls: readonly ParsedEntry<Call>[],
  laureates: readonly LaureateEntry[],
): Problem[] {
  const problems: Problem[] = [];
  const callsBySlug = new Map(calls.map((c) => [c.slug, c]));
  const callSlugs = [...callsBySlug.keys()];

  const slugOwners = new Map<string, string[]>();
  const dossierOwners = new Map<number, string[]>();
  for (const l of laureates) {
    slugOwners.set(l.slug, [...(slugOwners.get(l.slug) ?? []), l.file]);
    if (l.data.dossierNumber !== undefined) {
      dossierOwners.set(l.data.dossierNumber, [...(dossierOwners.get(l.data.dossierNumber) ?? []), l.file]);
    }
  }

  for (const l of laureates) {
    const { file, data } = l;
    if (!LAUREATE_SLUG_PATTERN.test(l.slug)) {
      problems.push({
        file,
        field: '',
        message: `nom de fichier « ${l.slug} » invalide`,
        expected: 'lettres minuscules sans accent, chiffres et tirets (ex. « plume.md »)',
        hint: 'renommez le fichier : il donne l’adresse de la fiche (/solutions/<nom>/)',
      });
    }
    if (RESERVED_LAUREATE_SLUGS.includes(l.slug)) {
      problems.push({
        file,
        field: '',
        message: `nom de fichier « ${l.slug} » réservé : /solutions/${l.slug}/ est une adresse du site (pages suivantes de la liste)`,
        expected: `un autre nom que ${RESERVED_LAUREATE_SLUGS.map((s) => `« ${s}.md »`).join(', ')}`,
        hint: `renommez le fichier (ex. « ${l.slug}-solution.md ») : il donne l’adresse de la fiche`,
      });
    }
    const owners = slugOwners.get(l.slug)!;
    if (owners.length > 1) {
      problems.push({
        file,
        field: '',
        message: `identifiant « ${l.slug} » en double : deux fiches auraient la même adresse /solutions/${l.slug}/`,
        received: owners.filter((o) => o !== file).join(', '),
        hint: 'renommez l’un des fichiers (ex. en ajoutant le nom de la structure)',
      });
    }
    if (data.dossierNumber !== undefined && dossierOwners.get(data.dossierNumber)!.length > 1) {
      problems.push({
        file,
        field: 'dossierNumber',
        message: `numéro de dossier ${data.dossierNumber} en double`,
        received: dossierOwners.get(data.dossierNumber)!.filter((o) => o !== file).join(', '),
        hint: 'un dossier Démarches Simplifiées ne peut donner qu’une fiche : supprimez le doublon',
      });
    }

    const call = callsBySlug.get(data.call);
    if (!call) {
      const guess = closest(data.call, callSlugs);
      problems.push({
        file,
        field: 'call',
        message: `appel « ${data.call} » inconnu`,
        expected: `un des appels de content/calls/ : ${callSlugs.join(', ')}`,
        hint: guess ? `vouliez-vous dire « ${guess} » ?` : 'créez le fichier de l’appel ou corrigez l’identifiant',
      });
      continue;
    }
    if (l.folder !== data.call) {
      problems.push({
        file,
        field: 'call',
        message: `la fiche est rangée dans le dossier « ${l.folder} » mais déclare l’appel « ${data.call} »`,
        hint: `déplacez le fichier dans content/laureates/${data.call}/ ou corrigez le champ call`,
      });
    }
    problems.push(...ficheProblems(file, data, call.data));
  }
  return problems;
}

/**
 * The rules one fiche follows given its call, beyond the schema: what the
 * call's kind requires, a public source for a real fiche, a selection date
 * after the call's opening. The validator and the editing interface's
 * preview (src/lib/cms/preview.ts) apply them.
 */
export function ficheProblems(file: string, data: LaureateData, call: Pick<Call, 'kind' | 'shortTitle'> & { dates: Pick<Call['dates'], 'launch'> }): Problem[] {
  const problems: Problem[] = [];
  for (const rule of requiredFields(call.kind)) {
    if (rule.isMissing(data)) {
      problems.push({
        file,
        field: pathToField(rule.path),
        message: `champ obligatoire manquant pour un lauréat de « ${call.shortTitle} » : ${rule.label}`,
        hint: 'les lauréats d’un appel de solutions du marché documentent ces informations (cahier des charges, article 5)',
      });
    }
  }
  if (!data.demo && data.dossierNumber === undefined && data.sources.length === 0) {
    problems.push({
      file,
      field: 'sources',
      message: 'une fiche réelle qui ne vient pas de l’ingestion doit citer au moins une source publique',
      hint: 'ajoutez « sources: » avec le titre et l’adresse de la publication, ou « demo: true » pour une fiche fictive',
    });
  }
  if (data.selectedOn.getTime() < call.dates.launch.getTime()) {
    problems.push({
      file,
      field: 'selectedOn',
      message: 'la date de sélection précède l’ouverture de l’appel',
      received: data.selectedOn.toISOString().slice(0, 10),
      expected: `une date postérieure au ${call.dates.launch.toISOString().slice(0, 10)}`,
    });
  }
  return problems;
}
