/**
 * The one GraphQL document the ingestion sends to Démarches Simplifiées,
 * written against DS's schema (tests/fixtures/ds-api/schema.graphql, checked
 * by query.test.ts with graphql's validate).
 *
 * DS chooses a champ's concrete type from the fragments a query contains
 * (a yes/no field is a YesNoChamp only when `... on YesNoChamp` is asked, a
 * drop-down list a DropDownListChamp only with its fragment): every type the
 * ingestion reads has its fragment here. `value` has a different type on each
 * champ type, so it is only ever selected under an alias.
 */

/** DS returns at most 100 nodes a page whatever `first` asks; paging follows pageInfo anyway. */
export const PAGE_SIZE = 100;

export const DS_DOCUMENT = /* GraphQL */ `
query Revision($demarche: Int!) {
  demarche(number: $demarche) {
    number
    title
    activeRevision {
      id
      datePublication
      champDescriptors { ...Descriptor }
      annotationDescriptors { ...Descriptor }
    }
  }
}

query Dossiers($demarche: Int!, $first: Int!, $after: String, $updatedSince: ISO8601DateTime) {
  demarche(number: $demarche) {
    dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
      pageInfo { hasNextPage endCursor }
      nodes { ...DossierFields }
    }
  }
}

query DeletedDossiers($demarche: Int!, $first: Int!, $after: String, $since: ISO8601DateTime) {
  demarche(number: $demarche) {
    deletedDossiers(first: $first, after: $after, deletedSince: $since) {
      pageInfo { hasNextPage endCursor }
      nodes { number dateSupression }
    }
  }
}

query PendingDeletedDossiers($demarche: Int!, $first: Int!, $after: String, $since: ISO8601DateTime) {
  demarche(number: $demarche) {
    pendingDeletedDossiers(first: $first, after: $after, deletedSince: $since) {
      pageInfo { hasNextPage endCursor }
      nodes { number dateSupression }
    }
  }
}

fragment Descriptor on ChampDescriptor {
  __typename
  id
  label
  ... on RepetitionChampDescriptor {
    champDescriptors { __typename id label }
  }
}

fragment FileFields on File {
  filename
  url
  checksum
  byteSizeBigInt
  contentType
}

fragment ChampValue on Champ {
  __typename
  id
  champDescriptorId
  label
  stringValue
  ... on YesNoChamp { yesNo: value }
  ... on CheckboxChamp { checked: value }
  ... on IntegerNumberChamp { integer: value }
  ... on DecimalNumberChamp { decimal: value }
  ... on DropDownListChamp { option: value }
  ... on MultipleDropDownListChamp { values }
  ... on DateChamp { date }
  ... on DatetimeChamp { datetime }
  ... on PieceJustificativeChamp { files { ...FileFields } }
}

fragment ChampFields on Champ {
  ...ChampValue
  ... on RepetitionChamp {
    rows { id champs { ...ChampValue } }
  }
}

fragment DossierFields on Dossier {
  number
  state
  dateTraitement
  dateDerniereModification
  demandeur {
    __typename
    ... on PersonneMorale {
      siret
      entreprise { raisonSociale nomCommercial }
      association { titre }
    }
    ... on PersonneMoraleIncomplete { siret }
  }
  champs { ...ChampFields }
  annotations { ...ChampFields }
}
`;

export type Operation = 'Revision' | 'Dossiers' | 'DeletedDossiers' | 'PendingDeletedDossiers';

// ---------------------------------------------------------------------------
// What the document returns (only what it asks)
// ---------------------------------------------------------------------------

export interface ApiFile {
  filename: string;
  url: string;
  checksum: string;
  byteSizeBigInt: string;
  contentType: string;
}

export interface ApiChamp {
  __typename: string;
  id: string;
  champDescriptorId: string;
  label: string;
  stringValue: string | null;
  yesNo?: boolean | null;
  checked?: boolean;
  integer?: string | number | null;
  decimal?: number | null;
  option?: string | null;
  values?: string[];
  date?: string | null;
  datetime?: string | null;
  files?: ApiFile[];
  rows?: Array<{ id: string; champs: ApiChamp[] }>;
}

export type ApiDemandeur =
  | { __typename: 'PersonneMorale'; siret: string; entreprise: { raisonSociale: string; nomCommercial: string } | null; association: { titre: string } | null }
  | { __typename: 'PersonneMoraleIncomplete'; siret: string }
  | { __typename: string };

export interface ApiDossier {
  number: number;
  state: string;
  dateTraitement: string | null;
  dateDerniereModification: string;
  demandeur: ApiDemandeur;
  champs: ApiChamp[];
  annotations: ApiChamp[];
}

export interface ApiDescriptor {
  __typename: string;
  id: string;
  label: string;
  champDescriptors?: Array<{ __typename: string; id: string; label: string }> | null;
}

export interface ApiRevision {
  id: string;
  datePublication: string | null;
  champDescriptors: ApiDescriptor[];
  annotationDescriptors: ApiDescriptor[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
