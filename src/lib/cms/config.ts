/**
 * The configuration of the web editing interface (Decap CMS, /admin/),
 * generated from the schemas and the field registry — never written by
 * hand: a field added to the schema appears in the form, with its label
 * (src/schemas/fields.ts), its help (the schema's `.describe()`), its
 * values and their French labels (the taxonomy), its bounds and whether
 * the call's kind requires it (`requiredFields`). The /admin/ page carries
 * it; src/scripts/admin.ts hands it to the CMS.
 *
 * One collection per call (content/laureates/<call>/), the calls, the
 * editorial pages. Files are read and written by src/lib/cms/format.ts,
 * which changes only what the editor changed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeSchema, type FieldDoc } from '../schema-doc.ts';
import { dsfrFile } from '../dsfr-assets.ts';
import { laureateSchemaForValidation } from '../validation/validate-content.ts';
import { MARKET_METRIC_REQUIRED } from '../validation/warnings.ts';
import { callSchema, CALL_FIELD_LABELS } from '../../schemas/call.ts';
import { pageSchema, PAGE_FIELD_LABELS } from '../../schemas/page.ts';
import { FIELDS, type FieldEntry } from '../../schemas/fields.ts';
import { requiredFields } from '../../schemas/laureate.ts';
import { callWording, type CallKind } from '../../schemas/taxonomy.ts';
import { laureateHref } from '../view/laureate.ts';

/** A Decap CMS field (the options this catalogue uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'boolean' | 'datetime' | 'select' | 'list' | 'object' | 'image' | 'markdown' | 'hidden';
  hint?: string;
  required?: boolean;
  default?: unknown;
  options?: Array<{ label: string; value: string }>;
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  step?: number;
  pattern?: [string, string];
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  collapsed?: boolean;
  summary?: string;
  label_singular?: string;
  choose_url?: boolean;
  allow_add?: boolean;
  /** Our writer's hints (format.ts), not Decap's: how a new value is quoted. */
  yaml_style?: 'plain' | 'quoted';
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'md' | 'mdx';
  format: string;
  create: boolean;
  delete: boolean;
  identifier_field?: string;
  slug: string;
  summary: string;
  sortable_fields: string[];
  media_folder?: string;
  public_folder?: string;
  preview_path?: string;
  fields: CmsField[];
}

/** Where the editors' changes go: a forge with the editorial workflow, or the local proxy (npm run edit). */
export interface CmsBackend {
  /** `gitlab` (the State's forge) or `github`; absent: the interface works with the local proxy only. */
  name?: 'gitlab' | 'github';
  repo?: string;
  branch?: string;
  /** GitLab's address (a self-hosted forge), e.g. https://gitlab.example.gouv.fr */
  baseUrl?: string;
  /** OAuth application id (GitLab PKCE). */
  appId?: string;
  /** The local proxy's address (decap-server), used only when /admin/ is opened on this machine. */
  localProxyUrl: string;
}

export interface CmsOptions {
  /** The calls, from content/calls/: one collection of laureates each. */
  calls: ReadonlyArray<{ id: string; title: string; shortTitle: string; kind: CallKind }>;
  /** The content folder, relative to the repository (CATALOGUE_CONTENT_DIR). */
  contentDir: string;
  backend: CmsBackend;
}

/** The collection of a call's fiches. */
export const cmsCollectionOf = (callId: string) => `laureats-${callId}`;

/** The file format of a collection: format.ts with the collection's field tree, registered under this name by src/scripts/admin.ts. */
const formatOf = (collection: string) => `catalogue-${collection}`;

/** Where the build puts Decap CMS's bundle (src/integrations/catalogue.ts), under public/. */
export const DECAP_DIR = 'admin/decap';
export const DECAP_SCRIPT = `/${DECAP_DIR}/decap-cms.js`;

/** The local proxy (decap-server) npm run edit starts, bound to loopback. */
export const LOCAL_PROXY_PORT = 8081;

const DATE_FIELD = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD/MM/YYYY', time_format: false, picker_utc: true, yaml_style: 'plain' } as const;
const WEB_URL_PATTERN: [string, string] = ['^https?://[^\\s]+$', 'adresse web attendue, commençant par https:// (ou http://)'];
const SITE_OR_WEB_URL_PATTERN: [string, string] = ['^(https?://|/)[^\\s]+$', 'adresse web (https://…) ou chemin du site (/documents/…) attendu'];

/** Long texts: several sentences, a multi-line input. */
const isLong = (doc: FieldDoc, entry: FieldEntry | undefined) => entry?.long === true || entry?.ds === 'multiline' || (doc.maxLength ?? 0) > 200;

interface Labels {
  label: (path: string) => string;
  entry: (path: string) => FieldEntry | undefined;
}

const lastSegment = (path: string) => path.replace(/\[\]/g, '').split('.').at(-1)!;

/**
 * One schema field as a CMS field; `required` adds what the call's kind
 * requires. Inside an optional group a field is never required in the form:
 * Decap would then demand it even when the group is left empty (the
 * validator still refuses a group filled without it, and says which field).
 */
function cmsField(doc: FieldDoc, labels: Labels, required: ReadonlySet<string>, parentRequired = true): CmsField {
  const entry = labels.entry(doc.path);
  const isRequired = parentRequired && ((doc.required && doc.default === undefined) || required.has(doc.path));
  const base = {
    name: lastSegment(doc.path),
    label: labels.label(doc.path),
    ...(doc.description ? { hint: doc.description } : {}),
    required: isRequired,
    ...(doc.default !== undefined && !(Array.isArray(doc.default) && doc.default.length === 0) ? { default: doc.default } : {}),
  };
  // The items of a list exist only once added: their own fields may be required.
  const children = () => (doc.children ?? []).map((c) => cmsField(c, labels, required, doc.type === 'liste' || isRequired));
  const options = () => (doc.values ?? []).map((v) => ({ label: v.label ?? v.value, value: v.value }));
  switch (doc.type) {
    case 'texte':
      return { ...base, widget: isLong(doc, entry) ? 'text' : 'string', yaml_style: 'quoted' };
    case 'adresse web':
      return { ...base, widget: 'string', pattern: doc.sitePath ? SITE_OR_WEB_URL_PATTERN : WEB_URL_PATTERN, yaml_style: 'quoted' };
    case 'nombre':
      return {
        ...base,
        widget: 'number',
        value_type: doc.integer ? 'int' : 'float',
        step: doc.integer ? 1 : 0.01,
        ...(doc.min !== undefined ? { min: doc.min } : {}),
        ...(doc.max !== undefined ? { max: doc.max } : {}),
      };
    case 'booléen':
      return { ...base, widget: 'boolean' };
    case 'date':
      return { ...base, ...DATE_FIELD };
    case 'valeur':
      return { ...base, widget: 'select', options: options(), yaml_style: 'plain' };
    case 'image':
      return { ...base, widget: 'image', choose_url: false };
    case 'groupe':
      return { ...base, widget: 'object', collapsed: !base.required, fields: children() };
    case 'liste': {
      if (doc.itemType === 'valeur') return { ...base, widget: 'select', multiple: true, options: options(), yaml_style: 'plain' };
      if (doc.children) {
        const fields = children();
        const first = fields.find((f) => f.widget === 'string' || f.widget === 'select') ?? fields[0]!;
        return { ...base, widget: 'list', label_singular: labels.label(`${doc.path}[]`), collapsed: true, summary: `{{fields.${first.name}}}`, fields };
      }
      const itemLabel = labels.label(`${doc.path}[]`);
      const item: CmsField = doc.itemType === 'date' ? { name: 'item', label: itemLabel, ...DATE_FIELD } : { name: 'item', label: itemLabel, widget: 'string', yaml_style: 'quoted' };
      return { ...base, widget: 'list', label_singular: itemLabel, field: item };
    }
  }
}

const laureateLabels: Labels = {
  entry: (path) => (FIELDS as Record<string, FieldEntry>)[path],
  label: (path) => {
    const registry = FIELDS as Record<string, FieldEntry>;
    // A list's item (`metrics[]`): the registry's label in the singular.
    if (path.endsWith('[]')) return registry[path.slice(0, -2)]?.itemLabel ?? registry[path.slice(0, -2)]?.label ?? lastSegment(path);
    return registry[path]?.label ?? lastSegment(path);
  },
};

const mapLabels = (map: Readonly<Record<string, string>>): Labels => ({ entry: () => undefined, label: (path) => map[path] ?? map[path.replace(/\[\]$/, '')] ?? lastSegment(path) });

/** The markdown body of a fiche, with the help an editor needs. */
const BODY_FIELD: CmsField = {
  name: 'body',
  label: 'Description',
  widget: 'markdown',
  hint: 'Ce que fait la solution, pour qui, comment : quelques paragraphes en Markdown simple. Pas de titre de niveau 1 (le nom de la solution en est un) ; des liens explicites (« la documentation de l’outil », jamais « cliquez ici »).',
  // The validator refuses a fiche without a description.
  required: true,
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
  editor_components: [],
  modes: ['rich_text', 'raw'],
};

/** The fields of a laureate of a call of this kind (`call` is fixed to the collection's call). */
export function laureateFields(callId: string, kind: CallKind): CmsField[] {
  const required = new Set<string>();
  for (const r of requiredFields(kind)) r.path.forEach((_, i) => required.add(r.path.slice(0, i + 1).join('.')));
  if (kind === 'solutions-marche') required.add(`metrics[].${MARKET_METRIC_REQUIRED}`);
  const fields = describeSchema(laureateSchemaForValidation).map((doc) =>
    doc.path === 'call' ? ({ name: 'call', label: 'Appel', widget: 'hidden', default: callId, yaml_style: 'plain' } satisfies CmsField) : cmsField(doc, laureateLabels, required),
  );
  return [...fields, BODY_FIELD];
}

export function callFields(): CmsField[] {
  return describeSchema(callSchema).map((doc) => cmsField(doc, mapLabels(CALL_FIELD_LABELS), new Set()));
}

export function pageFields(): CmsField[] {
  return [
    ...describeSchema(pageSchema).map((doc) => cmsField(doc, mapLabels(PAGE_FIELD_LABELS), new Set())),
    {
      name: 'body',
      label: 'Contenu de la page',
      widget: 'text',
      required: true,
      hint: 'Markdown (MDX). Les lignes « import … » du début et les expressions entre accolades { … } relient la page au code du site (un chiffre, une liste tenue à jour) : laissez-les telles quelles.',
    },
  ];
}

/**
 * The content folder as the CMS's backends name it: relative to the root of
 * the git repository that holds it (`content` here; the fixture repositories
 * of the tests hold the content at their root).
 */
export function contentDirInRepository(contentDir: string, cwd = process.cwd()): string {
  const absolute = path.resolve(cwd, contentDir);
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: absolute, encoding: 'utf8' });
  const root = top.status === 0 ? top.stdout.trim() : cwd;
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** The whole CMS configuration (Decap's `config.yml`, as an object). */
export function cmsConfig({ calls, contentDir, backend }: CmsOptions) {
  const under = (...parts: string[]) => path.posix.join(contentDir || '.', ...parts);
  const forge = backend.name && backend.repo;
  const laureates = calls.map(
    (call): CmsCollection => {
      const singular = callWording(call.kind).laureateType.toLowerCase();
      return {
      name: cmsCollectionOf(call.id),
      label: `Lauréats — ${call.shortTitle}`,
      label_singular: singular,
      description: `${call.title}. Fiches de content/laureates/${call.id}/ ; le nom du fichier, qui fait l’adresse de la fiche, vient du nom saisi à la création (${singular}) et ne change plus ensuite.`,
      folder: under('laureates', call.id),
      extension: 'md',
      format: formatOf(cmsCollectionOf(call.id)),
      create: true,
      delete: false,
      identifier_field: 'name',
      slug: '{{name}}',
      summary: '{{name}}',
      sortable_fields: ['name', 'selectedOn', 'updatedOn'],
      media_folder: 'images',
      public_folder: './images',
      preview_path: laureateHref('{{slug}}').replace(/^\//, ''),
      fields: laureateFields(call.id, call.kind),
      };
    },
  );
  return {
    backend: forge
      ? {
          name: backend.name,
          repo: backend.repo,
          branch: backend.branch ?? 'main',
          ...(backend.baseUrl ? { base_url: backend.baseUrl, api_root: `${backend.baseUrl.replace(/\/$/, '')}/api/v4` } : {}),
          ...(backend.appId ? { auth_type: 'pkce', app_id: backend.appId } : {}),
          squash_merges: true,
          commit_messages: {
            create: 'Fiche : création de « {{slug}} » ({{collection}})',
            update: 'Fiche : mise à jour de « {{slug}} » ({{collection}})',
            delete: 'Fiche : suppression de « {{slug}} » ({{collection}})',
            uploadMedia: 'Image : ajout de « {{path}} »',
            deleteMedia: 'Image : suppression de « {{path}} »',
          },
        }
      : { name: 'proxy', proxy_url: backend.localProxyUrl },
    // On this machine (npm run edit), the local proxy writes the files; elsewhere the forge does.
    local_backend: { url: backend.localProxyUrl, allowed_hosts: ['localhost', '127.0.0.1'] },
    publish_mode: forge ? 'editorial_workflow' : 'simple',
    load_config_file: false,
    locale: 'fr',
    // site_url and display_url (« Voir la page ») are the address /admin/ is served from: src/scripts/admin.ts sets them.
    logo_url: dsfrFile('artwork/pictograms/digital/coding.svg'),
    show_preview_links: true,
    search: true,
    // Decap wants a site-wide media folder; each collection has its own (its call's images/ folder).
    media_folder: path.posix.join(laureates[0]?.folder ?? under('laureates'), 'images'),
    public_folder: './images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      ...laureates,
      {
        name: 'appels',
        label: 'Appels à manifestation d’intérêt',
        label_singular: 'appel',
        description: 'Fichiers de content/calls/ : un par appel. Un nouvel appel a aussi besoin de son dossier content/laureates/<appel>/ (demandez à l’équipe technique).',
        folder: under('calls'),
        extension: 'md',
        format: formatOf('appels'),
        create: false,
        delete: false,
        identifier_field: 'title',
        slug: '{{title}}',
        summary: '{{title}}',
        sortable_fields: ['title', 'year'],
        fields: [...callFields(), { name: 'body', label: 'Présentation', widget: 'markdown', required: false, buttons: BODY_FIELD.buttons, editor_components: [], modes: BODY_FIELD.modes }],
      },
      {
        name: 'pages',
        label: 'Pages éditoriales',
        label_singular: 'page',
        description: 'Fichiers de content/pages/ (À propos, méthodologie, mentions légales…).',
        folder: under('pages'),
        extension: 'mdx',
        format: formatOf('pages'),
        create: false,
        delete: false,
        identifier_field: 'title',
        slug: '{{title}}',
        summary: '{{title}}',
        sortable_fields: ['title'],
        preview_path: '{{slug}}/',
        fields: pageFields(),
      },
    ] satisfies CmsCollection[],
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

/** The backend from the environment (the deployment's settings, never code): see GUIDE-EDITEUR.md. */
export function backendFromEnv(env: NodeJS.ProcessEnv = process.env): CmsBackend {
  const name = env.CATALOGUE_CMS_BACKEND === 'github' ? 'github' : env.CATALOGUE_CMS_BACKEND === 'gitlab' ? 'gitlab' : undefined;
  return {
    ...(name ? { name } : {}),
    ...(env.CATALOGUE_CMS_REPO ? { repo: env.CATALOGUE_CMS_REPO } : {}),
    ...(env.CATALOGUE_CMS_BRANCH ? { branch: env.CATALOGUE_CMS_BRANCH } : {}),
    ...(env.CATALOGUE_CMS_BASE_URL ? { baseUrl: env.CATALOGUE_CMS_BASE_URL } : {}),
    ...(env.CATALOGUE_CMS_APP_ID ? { appId: env.CATALOGUE_CMS_APP_ID } : {}),
    localProxyUrl: `http://127.0.0.1:${Number(env.CATALOGUE_CMS_PROXY_PORT ?? LOCAL_PROXY_PORT)}/api/v1`,
  };
}

/** The hosts /admin/ talks to besides its own (its Content-Security-Policy): the local proxy, and the forge's API. */
export function cmsConnectSources(backend: CmsBackend): string[] {
  const forge = backend.name === 'github' ? 'https://api.github.com' : backend.name === 'gitlab' ? (backend.baseUrl ?? 'https://gitlab.com') : undefined;
  return [new URL(backend.localProxyUrl).origin, ...(forge ? [new URL(forge).origin] : [])];
}
