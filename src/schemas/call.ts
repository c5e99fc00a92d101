/** An « appel à manifestation d'intérêt » (AMI): one file per call in content/calls/. */
import { z } from 'astro/zod';
import { enumOf } from './enum-schema.ts';
import { CALL_KINDS } from './taxonomy.ts';
import { isoDate, nonEmptyText, sourceSchema } from './common.ts';

export { CALL_SLUG_PATTERN } from './common.ts';

export const criterionSchema = z
  .strictObject({
    title: nonEmptyText().optional().describe('Intitulé court du critère, s’il en a un.'),
    text: nonEmptyText().describe('Énoncé du critère.'),
    verbatim: z
      .boolean()
      .default(false)
      .describe('Vrai si le texte est cité mot pour mot depuis le document officiel.'),
  })
  .describe('Un critère de sélection ou d’éligibilité.');

export const callSchema = z
  .strictObject({
    title: nonEmptyText().describe('Nom complet de l’appel.'),
    shortTitle: nonEmptyText().describe('Nom court, pour les étiquettes et le fil d’Ariane.'),
    year: z.number().int().min(2000).max(2100).describe('Année de l’appel.'),
    kind: enumOf(CALL_KINDS).describe('Nature des lauréats : projets des administrations ou solutions du marché.'),
    summary: nonEmptyText().max(280, 'le résumé dépasse 280 caractères').describe('Présentation en une ou deux phrases.'),
    organisers: z.array(nonEmptyText()).min(1).describe('Organisateurs de l’appel.'),
    dates: z
      .strictObject({
        launch: isoDate().describe('Ouverture de l’appel.'),
        deadline: isoDate().describe('Date limite de dépôt.'),
        infoMeeting: isoDate().optional().describe('Réunion d’information, s’il y en a eu une.'),
        evaluationStart: isoDate().optional().describe('Début de l’instruction des dossiers.'),
        evaluationEnd: isoDate().optional().describe('Fin de l’instruction des dossiers.'),
        committee: isoDate().optional().describe('Réunion du comité de sélection ou du jury.'),
        announcement: isoDate().optional().describe('Annonce publique des lauréats, quand sa date est connue.'),
      })
      .describe('Calendrier de l’appel.'),
    applications: z.number().int().min(0).describe('Nombre de candidatures reçues.'),
    applicants: z.number().int().min(0).optional().describe('Nombre de structures candidates, s’il est connu.'),
    laureates: z.number().int().min(0).describe('Nombre de lauréats annoncés.'),
    laureatesApproximate: z
      .boolean()
      .default(false)
      .describe('Vrai si le nombre de lauréats est un ordre de grandeur (« une centaine »).'),
    eligibility: z.array(criterionSchema).default([]).describe('Critères d’éligibilité.'),
    criteria: z.array(criterionSchema).default([]).describe('Critères de sélection.'),
    support: nonEmptyText().optional().describe('Ce que les lauréats obtiennent (accompagnement, valorisation).'),
    sources: z.array(sourceSchema).min(1, 'au moins une source est attendue').describe('Sources publiques des faits présentés.'),
  })
  .superRefine((call, ctx) => {
    const d = call.dates;
    if (d.deadline < d.launch) {
      ctx.addIssue({ code: 'custom', path: ['dates', 'deadline'], message: 'la date limite précède l’ouverture de l’appel' });
    }
    if (d.announcement && d.announcement < d.deadline) {
      ctx.addIssue({ code: 'custom', path: ['dates', 'announcement'], message: 'l’annonce des lauréats précède la date limite' });
    }
    if (call.laureates > call.applications) {
      ctx.addIssue({ code: 'custom', path: ['laureates'], message: 'plus de lauréats que de candidatures' });
    }
  })
  .describe('Un appel à manifestation d’intérêt.');

export type Call = z.output<typeof callSchema>;

/** The French label of each field of a call (the editing interface's form; the help is the schema's description). */
export const CALL_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Titre',
  shortTitle: 'Titre court',
  year: 'Année',
  kind: 'Nature des lauréats',
  summary: 'Résumé',
  organisers: 'Organisateurs',
  dates: 'Calendrier',
  'dates.launch': 'Ouverture',
  'dates.deadline': 'Date limite de dépôt',
  'dates.infoMeeting': 'Réunion d’information',
  'dates.evaluationStart': 'Début de l’instruction',
  'dates.evaluationEnd': 'Fin de l’instruction',
  'dates.committee': 'Comité de sélection',
  'dates.announcement': 'Annonce des lauréats',
  applications: 'Candidatures reçues',
  applicants: 'Structures candidates',
  laureates: 'Lauréats annoncés',
  laureatesApproximate: 'Nombre de lauréats approximatif',
  eligibility: 'Critères d’éligibilité',
  'eligibility[]': 'Critère d’éligibilité',
  'eligibility[].title': 'Intitulé',
  'eligibility[].text': 'Énoncé',
  'eligibility[].verbatim': 'Cité mot pour mot',
  criteria: 'Critères de sélection',
  'criteria[]': 'Critère de sélection',
  'criteria[].title': 'Intitulé',
  'criteria[].text': 'Énoncé',
  'criteria[].verbatim': 'Cité mot pour mot',
  support: 'Ce que les lauréats obtiennent',
  sources: 'Sources',
  'sources[]': 'Source',
  'sources[].title': 'Titre',
  'sources[].url': 'Adresse',
  'sources[].publisher': 'Éditeur',
  'sources[].date': 'Date de publication',
};
