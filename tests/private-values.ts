import { LAUREATES, csvRows } from './ingest-helpers.ts';

/** Values of the sample that must never reach content: personal data and the committee's work. */
export function privateValues(): string[] {
  const { headers, rows } = csvRows();
  const col = (h: string) => rows.map((r) => r[headers.indexOf(h)]!).filter((v) => v && v !== '0');
  const nonLaureates = rows.filter((r) => !LAUREATES.includes(Number(r[0])));
  return [
    ...col('Email'),
    ...col('Instructeurs').flatMap((v) => v.split(' ')),
    ...col('Motivation de la décision'),
    ...col('Commentaire du comité').map((v) => v.split('\n')[0]!),
    ...nonLaureates.map((r) => r[headers.indexOf('Nom de la solution')]!),
    ...nonLaureates.map((r) => r[headers.indexOf('Site web de la structure')]!),
    'Pouvez-vous vérifier les engagements d’hébergement',
    'expert.cyber@example.fr',
  ];
}

