/**
 * The CSV layout, derived from the open-data record schema: every field of
 * the schema lands in a column of the main table or of a child table, and a
 * new list of groups in the schema fails the build until it is given a place
 * here (a child table or the field summarised in one cell).
 */
import { describeSchema, type FieldDoc } from '../schema-doc.ts';
import { openDataLaureateSchema } from './record.ts';
import type { CsvColumn, CsvTable } from './csv.ts';

/** Repeated groups published as their own CSV file, one row per item, with how /donnees/ names them. */
export const CHILD_TABLES: Readonly<Record<string, { file: string; title: string; description: string }>> = {
  metrics: {
    file: 'laureats-indicateurs.csv',
    title: 'Lauréats : indicateurs d’impact (CSV)',
    description: 'Un indicateur d’impact par ligne (valeurs avant et après, unité, méthode, niveau de preuve), relié au lauréat par laureateId.',
  },
  references: {
    file: 'laureats-references.csv',
    title: 'Lauréats : déploiements de référence (CSV)',
    description: 'Un déploiement de référence par ligne (organisation, type, année, utilisateurs), relié au lauréat par laureateId.',
  },
  'access.routes': {
    file: 'laureats-voies-acces.csv',
    title: 'Lauréats : voies d’achat ou d’accès (CSV)',
    description: 'Une voie d’achat ou d’accès par ligne (centrale d’achat, accord-cadre…, référence, adresse, date de constat), reliée au lauréat par laureateId.',
  },
  verifications: {
    file: 'laureats-verifications.csv',
    title: 'Lauréats : faits vérifiés (CSV)',
    description: 'Un fait vérifié par l’équipe du catalogue par ligne (champ, date, source publique), relié au lauréat par laureateId.',
  },
};

/** Repeated groups summarised in one cell of the main table by one of their fields. */
export const SUMMARISED_GROUPS: Readonly<Record<string, string>> = {
  screenshots: 'url',
  sources: 'title',
  'openness.models': 'name',
};

export const MAIN_TABLE_FILE = 'laureats.csv';

const relative = (path: string, prefix: string) => (prefix ? path.slice(prefix.length + 1) : path);

function columnsOf(fields: readonly FieldDoc[], prefix: string, children: CsvTable[]): CsvColumn[] {
  const columns: CsvColumn[] = [];
  for (const f of fields) {
    const header = relative(f.path, prefix);
    const path = header.split('.');
    if (f.type === 'groupe') {
      columns.push(...columnsOf(f.children ?? [], prefix, children));
      continue;
    }
    if (f.type !== 'liste') {
      columns.push({ header, path, kind: 'value' });
      continue;
    }
    if (f.itemType !== 'groupe') {
      columns.push({ header, path, kind: 'list' });
      continue;
    }
    const child = prefix ? undefined : CHILD_TABLES[f.path];
    const summaryKey = SUMMARISED_GROUPS[f.path];
    if (child) {
      children.push({ ...child, group: f.path, columns: columnsOf(f.children ?? [], `${f.path}[]`, []) });
    } else if (summaryKey) {
      columns.push({ header, path, kind: 'summary', key: summaryKey });
    } else {
      throw new Error(
        `Données ouvertes : la liste de groupes « ${f.path} » n’a pas de place dans les CSV. ` +
          'Ajoutez-la à CHILD_TABLES ou à SUMMARISED_GROUPS dans src/lib/opendata/columns.ts.',
      );
    }
  }
  return columns;
}

/** The main table first, then the child tables. */
export function csvTables(): [CsvTable, ...CsvTable[]] {
  const children: CsvTable[] = [];
  const columns = columnsOf(describeSchema(openDataLaureateSchema), '', children);
  return [
    {
      file: MAIN_TABLE_FILE,
      title: 'Lauréats (CSV)',
      description: 'Un lauréat par ligne ; les listes sont jointes par une barre verticale « | ».',
      columns,
    },
    ...children,
  ];
}
