/**
 * The sample démarche (tests/fixtures/selection/, the fictional 2025 export)
 * as Démarches Simplifiées' API holds it: each field typed as DS types it
 * (the AMI 2025 form, ../shared/reference/ds-form-ami-2025.md), numbers left
 * blank where the export wrote its 0, yes/no as Booleans, the demandeur a
 * PersonneMorale, the blocks as RepetitionChamp rows, the attachments as
 * files with their checksum — the objects the test server resolves the real
 * schema over.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readXlsx } from '../../src/ingest/read/xlsx.ts';
import { attachmentsFromZip } from '../../src/ingest/read/attachments.ts';
import { excelSerialToText } from '../../src/ingest/dates.ts';
import { splitOptions } from '../../src/ingest/sanitise.ts';
import { ENUM_SOURCES } from '../../src/ingest/map.ts';
import type { Table } from '../../src/ingest/table.ts';
import { XLSX, ZIP } from '../ingest-helpers.ts';

type DsType = 'text' | 'textarea' | 'drop_down_list' | 'multiple_drop_down_list' | 'yes_no' | 'checkbox' | 'integer_number' | 'decimal_number' | 'piece_justificative';

/** The form's fields and their DS types (ds-form-ami-2025.md), in the form's order. */
export const FORM: ReadonlyArray<readonly [string, DsType, string?]> = [
  ['Type de structure', 'drop_down_list'],
  ['Taille de l’entreprise', 'drop_down_list'],
  ['Site web de la structure', 'text'],
  ['Nom de la solution', 'text'],
  ['Résumé de la solution', 'text'],
  ['Description de la solution', 'textarea'],
  ['Cadre d’application', 'textarea'],
  ['Catégorie', 'drop_down_list'],
  ['Thématiques', 'multiple_drop_down_list', 'thematic'],
  ['Administrations ciblées', 'multiple_drop_down_list', 'audience'],
  ['Niveau de maturité', 'drop_down_list'],
  ['Solution open source', 'yes_no'],
  ['Licence', 'text'],
  ['Dépôt du code source', 'text'],
  ['Modèles d’IA utilisés', 'textarea'],
  ['Modèle économique', 'drop_down_list'],
  ['Coût indicatif de déploiement (€ HT)', 'integer_number'],
  ['Charge de déploiement (jours-homme)', 'integer_number'],
  ['Durée de déploiement (semaines)', 'integer_number'],
  ['Coût annuel de maintenance (€ HT)', 'integer_number'],
  ['Analyse du cycle de vie réalisée', 'yes_no'],
  ['Mesures de sobriété', 'textarea'],
  ['Bénéfice environnemental direct', 'textarea'],
  ['Hébergement SecNumCloud', 'drop_down_list'],
  ['Hébergeur', 'text'],
  ['Localisation des données', 'drop_down_list'],
  ['Déploiement sur site possible', 'yes_no'],
  ['Compatible informations sensibles (art. 31 loi SREN)', 'yes_no'],
  ['Conformité RGPD', 'textarea'],
  ['Conformité RGAA', 'drop_down_list'],
  ['Certifications', 'multiple_drop_down_list', 'certification'],
  ['Logo de la solution', 'piece_justificative'],
  ['Captures d’écran', 'piece_justificative'],
  ['Brochure technique', 'piece_justificative'],
  ['J’accepte la publication de la fiche de ma solution sur les sites de la sphère publique', 'checkbox'],
];

export const BLOCKS = [
  {
    sheet: '4127',
    label: 'Indicateurs d’impact',
    fields: [
      ['Type d’indicateur', 'drop_down_list'],
      ['Libellé de l’indicateur', 'text'],
      ['Valeur avant', 'decimal_number'],
      ['Valeur après', 'decimal_number'],
      ['Unité', 'text'],
      ['Méthode de mesure', 'textarea'],
      ['Périmètre et période', 'text'],
    ],
  },
  {
    sheet: '4128',
    label: 'Déploiements',
    fields: [
      ['Organisation utilisatrice', 'text'],
      ['Type d’organisation', 'drop_down_list'],
      ['Depuis', 'integer_number'],
      ['Nombre d’utilisateurs', 'integer_number'],
    ],
  },
] as const;

/** The field after which the form places its two repeatable blocks. */
const BLOCKS_AFTER = 'Modèles d’IA utilisés';

export const ANNOTATIONS: ReadonlyArray<readonly [string, DsType]> = [
  ['Décision du comité', 'drop_down_list'],
  ['Note du comité', 'decimal_number'],
  ['Commentaire du comité', 'textarea'],
];

const TYPENAMES: Record<DsType, string> = {
  text: 'TextChamp',
  textarea: 'TextChamp',
  drop_down_list: 'DropDownListChamp',
  multiple_drop_down_list: 'MultipleDropDownListChamp',
  yes_no: 'YesNoChamp',
  checkbox: 'CheckboxChamp',
  integer_number: 'IntegerNumberChamp',
  decimal_number: 'DecimalNumberChamp',
  piece_justificative: 'PieceJustificativeChamp',
};

/** DS's descriptor ids: base64 of `Champ-<stable id>`. */
export const descriptorId = (stable: number) => Buffer.from(`Champ-${stable}`).toString('base64');

export interface FixtureFile {
  filename: string;
  bytes: Buffer;
  contentType: string;
  checksum: string;
  byteSizeBigInt: string;
  /** Set by the server: the key of its signed address. */
  key: string;
}

/** A champ as the server resolves it: `value` holds the type's own value (the query reads it under aliases). */
export type FixtureChamp = Record<string, unknown> & { __typename: string; label: string; champDescriptorId: string };

export interface FixtureDossier {
  number: number;
  state: string;
  dateTraitement: string | null;
  dateDerniereModification: string;
  demandeur: Record<string, unknown>;
  champs: FixtureChamp[];
  annotations: FixtureChamp[];
}

export interface FixtureDemarche {
  number: number;
  title: string;
  activeRevision: { id: string; datePublication: string; champDescriptors: unknown[]; annotationDescriptors: unknown[] };
  dossiers: FixtureDossier[];
  files: Map<string, FixtureFile>;
}

const STATES: Record<string, string> = { Accepté: 'accepte', Refusé: 'refuse', 'En instruction': 'en_instruction', 'En construction': 'en_construction', 'Classé sans suite': 'sans_suite' };

/** `2025-05-28 11:02:37` (Paris) or an Excel serial → ISO 8601 with the Paris offset of 2025's summer. */
function isoOf(text: string | undefined): string | null {
  if (!text) return null;
  const wall = /^\d+(\.\d+)?$/.test(text) ? excelSerialToText(Number(text)) : text;
  if (!wall) return null;
  const [day, time = '00:00:00'] = wall.split(' ');
  return `${day}T${time}+02:00`;
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml', pdf: 'application/pdf', gif: 'image/gif', webp: 'image/webp' };

function typed(type: DsType, text: string, extra: { options?: string; files?: FixtureFile[] } = {}): Record<string, unknown> {
  switch (type) {
    case 'yes_no':
      return { value: text === 'Oui' ? true : text === 'Non' ? false : null, stringValue: text === 'Oui' ? 'true' : 'false' };
    case 'checkbox':
      return { value: text === 'on', stringValue: text === 'on' ? 'true' : 'false' };
    case 'integer_number':
      // The export wrote 0 for a blank number: the API has null.
      return text === '' || Number(text) === 0 ? { value: null, stringValue: '' } : { value: String(Number(text)), stringValue: String(Number(text)) };
    case 'decimal_number':
      return text === '' || Number(text) === 0 ? { value: null, stringValue: '' } : { value: Number(text), stringValue: String(Number(text)) };
    case 'multiple_drop_down_list': {
      const { known, unknown } = splitOptions(text, ENUM_SOURCES[extra.options!]!.options);
      return { values: [...known, ...unknown], stringValue: text };
    }
    case 'drop_down_list':
      return { value: text || null, stringValue: text };
    case 'piece_justificative':
      return { files: extra.files ?? [], stringValue: (extra.files ?? []).map((f) => f.filename).join(' ') };
    default:
      return { value: text || null, stringValue: text };
  }
}

export async function sampleDemarche(): Promise<FixtureDemarche> {
  const tables = await readXlsx(readFileSync(XLSX), 'x');
  const main = tables.find((t) => t.source.endsWith('Dossiers'))!;
  const etablissements = tables.find((t) => t.source.endsWith('Etablissements'))!;
  const sheet = (id: string) => tables.find((t) => t.source.includes(`(${id})`))!;
  const zip = await attachmentsFromZip(readFileSync(ZIP), 'pj');
  const files = new Map<string, FixtureFile>();

  let stable = 4000;
  const ids = new Map<string, number>();
  const idOf = (label: string) => {
    if (!ids.has(label)) ids.set(label, ++stable);
    return ids.get(label)!;
  };
  const champDescriptors: unknown[] = [];
  for (const [label, type] of FORM) {
    champDescriptors.push({ __typename: TYPENAMES[type].replace('Champ', 'ChampDescriptor'), id: descriptorId(idOf(label)), label, required: false, description: null });
    // The two repeatable blocks come right after the models field.
    if (label === BLOCKS_AFTER) BLOCKS.forEach(addBlock);
  }
  function addBlock(block: (typeof BLOCKS)[number]) {
    champDescriptors.push({
      __typename: 'RepetitionChampDescriptor',
      id: descriptorId(Number(block.sheet)),
      label: block.label,
      required: false,
      description: null,
      champDescriptors: block.fields.map(([label, type]) => ({ __typename: TYPENAMES[type].replace('Champ', 'ChampDescriptor'), id: descriptorId(idOf(`${block.sheet}/${label}`)), label, required: false, description: null })),
    });
  }
  const annotationDescriptors = ANNOTATIONS.map(([label, type]) => ({ __typename: TYPENAMES[type].replace('Champ', 'ChampDescriptor'), id: descriptorId(idOf(`annotation/${label}`)), label, required: false, description: null }));

  const cell = (table: Table, row: string[], header: string) => row[table.headers.indexOf(header)] ?? '';
  const dossiers = await Promise.all(
    main.rows.map(async (row) => {
      const number = Number(cell(main, row, 'ID'));
      const get = (h: string) => cell(main, row, h);
      const champ = async (label: string, type: DsType, options?: string): Promise<FixtureChamp> => {
        let attached: FixtureFile[] | undefined;
        if (type === 'piece_justificative') {
          attached = [];
          for (const name of zip.names(number)) {
            if (!get(label).includes(name)) continue;
            const bytes = (await zip.read(number, name))!;
            const file: FixtureFile = {
              filename: name,
              bytes,
              contentType: TYPES[name.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream',
              checksum: createHash('md5').update(bytes).digest('base64'),
              byteSizeBigInt: String(bytes.length),
              key: `${number}-${files.size + 1}`,
            };
            files.set(file.key, file);
            attached.push(file);
          }
        }
        const stableId = idOf(label);
        return { __typename: TYPENAMES[type], id: descriptorId(stableId), champDescriptorId: descriptorId(stableId), label, prefilled: false, updatedAt: isoOf(get('Dernière mise à jour le')), columns: [], ...typed(type, get(label), { options, files: attached }) };
      };
      const rowsOf = (block: (typeof BLOCKS)[number]) => {
        const t = sheet(block.sheet);
        return t.rows
          .filter((r) => r[0] === String(number))
          .map((r, i) => ({
            id: `row-${number}-${i + 1}`,
            champs: block.fields.map(([label, type]) => {
              const stableId = idOf(`${block.sheet}/${label}`);
              return { __typename: TYPENAMES[type], id: `${descriptorId(stableId)}|row-${i + 1}`, champDescriptorId: descriptorId(stableId), label, prefilled: false, columns: [], ...typed(type, cell(t, r, label)) };
            }),
          }));
      };
      const champs: FixtureChamp[] = [];
      for (const [label, type, options] of FORM) {
        champs.push(await champ(label, type, options));
        if (label === BLOCKS_AFTER) {
          for (const block of BLOCKS) champs.push({ __typename: 'RepetitionChamp', id: descriptorId(Number(block.sheet)), champDescriptorId: descriptorId(Number(block.sheet)), label: block.label, prefilled: false, columns: [], stringValue: null, rows: rowsOf(block) });
        }
      }
      const annotations: FixtureChamp[] = [];
      for (const [label, type] of ANNOTATIONS) {
        const stableId = idOf(`annotation/${label}`);
        annotations.push({ __typename: TYPENAMES[type], id: descriptorId(stableId), champDescriptorId: descriptorId(stableId), label, prefilled: false, columns: [], ...typed(type, get(label)) });
      }
      const e = etablissements.rows.find((r) => r[0] === String(number))!;
      const association = cell(etablissements, e, 'Association titre');
      return {
        number,
        state: STATES[get('État du dossier')]!,
        dateTraitement: isoOf(get('Traité le')),
        dateDerniereModification: isoOf(get('Dernière mise à jour le'))!,
        demandeur: {
          __typename: 'PersonneMorale',
          id: `demandeur-${number}`,
          siret: cell(etablissements, e, 'Établissement SIRET'),
          entreprise: { raisonSociale: cell(etablissements, e, 'Entreprise raison sociale'), nomCommercial: cell(etablissements, e, 'Entreprise nom commercial') },
          association: association ? { titre: association } : null,
        },
        champs,
        annotations,
      } satisfies FixtureDossier;
    }),
  );
  return {
    number: 123456,
    title: 'AMI Solutions d’IA pour le public (échantillon fictif)',
    activeRevision: { id: 'UHJvY2VkdXJlUmV2aXNpb24tMQ==', datePublication: '2025-03-01T09:00:00+01:00', champDescriptors, annotationDescriptors },
    dossiers,
    files,
  };
}
