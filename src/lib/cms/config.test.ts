import { describe, expect, it } from 'vitest';
import { describeSchema, flatten } from '../schema-doc.ts';
import { laureateSchemaForValidation } from '../validation/validate-content.ts';
import { callSchema } from '../../schemas/call.ts';
import { pageSchema } from '../../schemas/page.ts';
import { requiredFields } from '../../schemas/laureate.ts';
import { FIELDS } from '../../schemas/fields.ts';
import { SECNUMCLOUD_STATUSES } from '../../schemas/taxonomy.ts';
import { backendFromEnv, cmsConfig, cmsConnectSources, contentDirInRepository, type CmsField } from './config.ts';

const CALLS = [
  { id: 'solutions-ia-2025', title: 'AMI Solutions d’IA pour le public', shortTitle: 'Solutions d’IA (2025)', kind: 'solutions-marche' },
  { id: 'ami-ia-2019', title: 'AMI IA saison 2', shortTitle: 'AMI IA (2019)', kind: 'projets-administration' },
] as const;
const config = cmsConfig({ calls: CALLS, contentDir: 'content', backend: backendFromEnv({}) });
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

/** Every path of a CMS field tree, in the schema-doc's notation (`metrics[].unit`). */
function paths(fields: readonly CmsField[], prefix = ''): string[] {
  return fields.flatMap((f) => {
    const p = prefix ? `${prefix}.${f.name}` : f.name;
    if (f.widget === 'list' && f.fields) return [p, ...paths(f.fields, `${p}[]`)];
    return [p, ...(f.fields ? paths(f.fields, p) : [])];
  });
}
const find = (fields: readonly CmsField[], path: string): CmsField | undefined => {
  const [head, ...rest] = path.replace(/\[\]/g, '').split('.');
  const f = fields.find((x) => x.name === head);
  return rest.length === 0 || !f ? f : find(f.fields ?? [], rest.join('.'));
};

describe('the editing interface’s configuration, generated from the schema', () => {
  it('gives every field of the laureate schema a place in every call’s form, and the body', () => {
    const schemaPaths = flatten(describeSchema(laureateSchemaForValidation)).map((f) => f.path);
    for (const call of CALLS) {
      const form = paths(collection(`laureats-${call.id}`).fields);
      expect(schemaPaths.filter((p) => !form.includes(p)), `champs du schéma absents du formulaire de ${call.id}`).toEqual([]);
      expect(form.filter((p) => !schemaPaths.includes(p))).toEqual(['body']);
    }
  });

  it('gives every field of the call and page schemas a place, with a French label', () => {
    for (const [name, schema] of [['appels', callSchema], ['pages', pageSchema]] as const) {
      const form = collection(name).fields;
      const schemaPaths = flatten(describeSchema(schema)).map((f) => f.path);
      expect(schemaPaths.filter((p) => !paths(form).includes(p)), name).toEqual([]);
      for (const p of schemaPaths) expect(find(form, p)!.label, `${name} ${p}`).not.toBe(p.split('.').at(-1));
    }
  });

  it('labels fields from the registry and helps with the schema’s description', () => {
    const fields = collection('laureats-solutions-ia-2025').fields;
    expect(find(fields, 'dataSecurity.secNumCloud')).toMatchObject({ label: FIELDS['dataSecurity.secNumCloud'].label, hint: 'Statut SecNumCloud.', widget: 'select' });
    expect(find(fields, 'dataSecurity.secNumCloud')!.options).toEqual(SECNUMCLOUD_STATUSES.values.map((v) => ({ value: v, label: SECNUMCLOUD_STATUSES.label(v) })));
    expect(find(fields, 'metrics')).toMatchObject({ widget: 'list', label_singular: 'Indicateur', summary: '{{fields.type}}' });
    expect(find(fields, 'thematics')).toMatchObject({ widget: 'select', multiple: true });
    expect(find(fields, 'access.reversibility.exportFormats')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
    expect(find(fields, 'summary')!.widget).toBe('text');
    expect(find(fields, 'brochure.url')!.pattern![0]).toBe('^(https?://|/)[^\\s]+$');
    expect(find(fields, 'submitter.website')!.pattern![0]).toBe('^https?://[^\\s]+$');
    expect(find(fields, 'selectedOn')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  it('bounds numbers as the schema does', () => {
    const fields = collection('laureats-solutions-ia-2025').fields;
    expect(find(fields, 'references.since')).toMatchObject({ widget: 'number', value_type: 'int', min: 1990, max: 2100 });
    expect(find(fields, 'costs.deploymentCost')).toMatchObject({ widget: 'number', value_type: 'float', min: 0 });
    expect(find(fields, 'metrics.before')!.max).toBeUndefined();
  });

  it('requires what the call’s kind requires, and nothing inside a group that may stay empty', () => {
    const market = collection('laureats-solutions-ia-2025').fields;
    const projects = collection('laureats-ami-ia-2019').fields;
    for (const r of requiredFields('solutions-marche')) expect(find(market, r.path.join('.'))!.required, r.path.join('.')).toBe(true);
    for (const r of requiredFields('solutions-marche')) expect(find(projects, r.path.join('.'))!.required, r.path.join('.')).toBe(false);
    expect(find(market, 'name')!.required).toBe(true);
    expect(find(projects, 'submitter.name')!.required).toBe(true);
    // environment is optional: its lifeCycleAnalysis is required by the schema only once the group is filled.
    expect(find(market, 'environment.lifeCycleAnalysis')!.required).toBe(false);
    // A list item's own fields are required once the item is added; a market call's metric needs its method.
    expect(find(market, 'metrics.evidence')!.required).toBe(true);
    expect(find(market, 'metrics.method')!.required).toBe(true);
    expect(find(projects, 'metrics.method')!.required).toBe(false);
  });

  it('fixes the call of each collection and writes its fiches in the call’s folder, images beside them', () => {
    const c = collection('laureats-ami-ia-2019');
    expect(c).toMatchObject({ folder: 'content/laureates/ami-ia-2019', media_folder: 'images', public_folder: './images', identifier_field: 'name', preview_path: 'solutions/{{slug}}/' });
    expect(c.fields.find((f) => f.name === 'call')).toMatchObject({ widget: 'hidden', default: 'ami-ia-2019' });
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
  });

  it('uses the local proxy on loopback without a forge, the editorial workflow with one', () => {
    expect(config).toMatchObject({ backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' }, publish_mode: 'simple', locale: 'fr' });
    const backend = backendFromEnv({ CATALOGUE_CMS_BACKEND: 'gitlab', CATALOGUE_CMS_REPO: 'dinum/catalogue-ia', CATALOGUE_CMS_BASE_URL: 'https://gitlab.example.gouv.fr', CATALOGUE_CMS_APP_ID: 'abc', CATALOGUE_CMS_PROXY_PORT: '9000' });
    const forge = cmsConfig({ calls: CALLS, contentDir: 'content', backend });
    expect(forge).toMatchObject({
      backend: { name: 'gitlab', repo: 'dinum/catalogue-ia', branch: 'main', base_url: 'https://gitlab.example.gouv.fr', api_root: 'https://gitlab.example.gouv.fr/api/v4', auth_type: 'pkce', app_id: 'abc' },
      publish_mode: 'editorial_workflow',
      local_backend: { url: 'http://127.0.0.1:9000/api/v1' },
    });
    expect(cmsConnectSources(backend)).toEqual(['http://127.0.0.1:9000', 'https://gitlab.example.gouv.fr']);
  });

  it('names the content folder relative to its git repository', () => {
    expect(contentDirInRepository('content')).toBe('content');
  });
});
