/** Editorial pages (MDX) in content/pages/. */
import { z } from 'astro/zod';
import { isoDate, nonEmptyText } from './common.ts';

export const pageSchema = z
  .strictObject({
    title: nonEmptyText().describe('Titre de la page (balise h1 et titre du document).'),
    description: nonEmptyText().max(300).describe('Description courte (moteurs de recherche, plan du site).'),
    updatedOn: isoDate().optional().describe('Date de dernière mise à jour du contenu.'),
  })
  .describe('Une page éditoriale.');

export type Page = z.output<typeof pageSchema>;

/** The French label of each field of a page (the editing interface's form). */
export const PAGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'Titre',
  description: 'Description',
  updatedOn: 'Date de mise à jour',
};
