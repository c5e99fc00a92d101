/** Schemas of the taxonomy entries (the data itself lives in taxonomy.ts). */
import { z } from 'astro/zod';
import { CATEGORY_SLUGS, THEMATIC_SLUGS } from './taxonomy.ts';
import { callId } from './common.ts';

export const categorySchema = z
  .object({
    slug: z.enum(CATEGORY_SLUGS).describe('Identifiant de la catégorie, utilisé dans les adresses.'),
    label: z.string().min(1).describe('Intitulé complet, tel qu’à l’article 1 du cahier des charges.'),
    shortLabel: z.string().min(1).max(40).describe('Intitulé court pour les étiquettes.'),
    description: z.string().min(1).describe('Présentation dans nos mots.'),
    pictogram: z.string().regex(/^[a-z-]+\/[a-z-]+\.svg$/).describe('Pictogramme DSFR (artwork/pictograms/…).'),
    dsOption: z.string().min(1).describe('Option correspondante du formulaire Démarches Simplifiées.'),
    call: callId().describe('Appel dont le cahier des charges définit la catégorie.'),
  })
  .describe('Une catégorie de l’appel 2025.');

export const thematicSchema = z
  .object({
    slug: z.enum(THEMATIC_SLUGS).describe('Identifiant de la thématique, utilisé dans les adresses.'),
    label: z.string().min(1).describe('Intitulé complet.'),
    shortLabel: z.string().min(1).max(40).describe('Intitulé court pour les étiquettes.'),
    description: z.string().min(1).describe('Présentation dans nos mots.'),
    categories: z.array(z.enum(CATEGORY_SLUGS)).min(1).describe('Catégories auxquelles la thématique appartient.'),
    icon: z.string().regex(/^fr-icon-[a-z0-9-]+$/).describe('Icône DSFR.'),
    dsOption: z.string().min(1).describe('Option correspondante du formulaire Démarches Simplifiées.'),
  })
  .describe('Une thématique de l’appel 2025.');
