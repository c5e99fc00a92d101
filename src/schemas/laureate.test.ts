import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { laureateSchema } from './laureate.ts';
import { issueToProblems, validateWith } from '../lib/validation/zod-issues.ts';
import { validLaureate } from '../../tests/factories.ts';

const schema = laureateSchema(() => z.string());

function problemsOf(data: unknown) {
  const result = validateWith('content/laureates/solutions-ia-2025/exemple.md', schema, data);
  if (result.ok) return [];
  return result.problems.map((p) => ({ field: p.field, message: p.message, expected: p.expected, hint: p.hint }));
}

describe('laureate schema', () => {
  it('accepts a complete laureate and applies defaults', () => {
    const result = schema.safeParse(validLaureate());
    expect(result.success).toBe(true);
    expect(result.success && result.data.published).toBe(true);
    expect(result.success && result.data.selectedOn).toEqual(new Date('2025-06-02T00:00:00Z'));
  });

  it('accepts a 2019 administration project without commercial fields', () => {
    const result = schema.safeParse({
      name: 'Projet',
      summary: 'Résumé',
      call: 'ami-ia-2019',
      submitter: { name: 'DGS', kind: 'organisme-public' },
      selectedOn: new Date('2019-07-17'),
      sources: [{ title: 'Annonce', publisher: 'numerique.gouv.fr' }],
    });
    expect(result.success).toBe(true);
  });

  it('names a missing required field', () => {
    const { name: _omit, ...rest } = validLaureate();
    expect(problemsOf(rest)).toEqual([
      {
        field: 'name',
        message: 'champ obligatoire manquant (Nom de la solution ou du projet)',
        expected: 'un texte',
        hint: 'ajoutez « name: … » dans l’en-tête du fichier',
      },
    ]);
  });

  it('lists the known values and suggests the closest for an unknown thematic', () => {
    const [problem] = problemsOf(validLaureate({ thematics: ['agent-conversationnels'] }));
    expect(problem?.field).toBe('thematics.0');
    expect(problem?.message).toBe('valeur « agent-conversationnels » inconnue');
    expect(problem?.expected).toContain('une de ces valeurs : agents-conversationnels, traduction-automatique');
    expect(problem?.hint).toBe('vouliez-vous dire « agents-conversationnels » ?');
  });

  it('rejects an unknown category', () => {
    const [problem] = problemsOf(validLaureate({ category: 'logiciels' }));
    expect(problem?.field).toBe('category');
    expect(problem?.message).toMatch(/^valeur « logiciels » inconnue/);
  });

  it('accepts a thematic the applicant ticked outside its category’s navigation group', () => {
    // The form offers one flat list: an application built on RAG declares « Bases de données vectorielles ».
    expect(problemsOf(validLaureate({ thematics: ['agents-conversationnels', 'bases-vectorielles'] }))).toEqual([]);
  });

  it('rejects a thematic given twice', () => {
    expect(problemsOf(validLaureate({ thematics: ['autre', 'autre'] }))).toEqual([
      { field: 'thematics.1', message: 'thématique « autre » en double', expected: undefined, hint: undefined },
    ]);
  });

  it('accepts « Autre » in both categories', () => {
    expect(problemsOf(validLaureate({ thematics: ['autre'] }))).toEqual([]);
    expect(problemsOf(validLaureate({ category: 'briques-technologiques', thematics: ['autre', 'inference-optimisation'] }))).toEqual([]);
  });

  it('keeps long names and summaries whole (the cards clamp them; the validator warns)', () => {
    expect(problemsOf(validLaureate({ name: 'N'.repeat(200), summary: 'x'.repeat(600) }))).toEqual([]);
  });

  it.each([
    ['javascript:alert(1)'],
    ['exemple.fr'],
    ['ftp://exemple.fr'],
    ['data:text/html,<script>'],
  ])('rejects the website %s', (website) => {
    const [problem] = problemsOf(validLaureate({ submitter: { name: 'X', kind: 'entreprise', website } }));
    expect(problem?.field).toBe('submitter.website');
    expect(problem?.message).toMatch(/^adresse web invalide \(attendu : https:\/\/…\)/);
  });

  it('rejects an invalid SIRET with its check key', () => {
    const [problem] = problemsOf(validLaureate({ submitter: { name: 'X', kind: 'entreprise', siret: '73282932000075' } }));
    expect(problem?.field).toBe('submitter.siret');
    expect(problem?.message).toMatch(/^SIREN \(9 chiffres\) ou SIRET \(14 chiffres\) invalide/);
  });

  it('rejects a negative metric and a non-numeric metric', () => {
    const metrics = [
      { type: 'delais', label: 'A', before: -3, after: 2, unit: 'jours', evidence: 'declare' },
      { type: 'delais', label: 'B', after: '12 jours', unit: 'jours', evidence: 'declare' },
    ];
    const problems = problemsOf(validLaureate({ metrics }));
    expect(problems.map((p) => p.field)).toEqual(['metrics.0.before', 'metrics.1.after']);
    expect(problems[0]?.message).toMatch(/^une valeur d’indicateur ne peut pas être négative/);
    expect(problems[1]).toMatchObject({
      message: 'type de valeur incorrect (Valeur après la mise en place de la solution)',
      expected: 'un nombre',
      hint: 'écrivez le nombre sans unité ni espace, avec un point décimal (ex. 12.5)',
    });
  });

  it('requires a method for a measured figure and a source for an audited one', () => {
    const metrics = [
      { type: 'couts', label: 'A', after: 2, unit: '€', evidence: 'mesure' },
      { type: 'couts', label: 'B', after: 2, unit: '€', evidence: 'audite', method: 'Audit' },
    ];
    expect(problemsOf(validLaureate({ metrics })).map((p) => [p.field, p.message])).toEqual([
      ['metrics.0.method', 'un chiffre mesuré ou audité doit décrire sa méthode (Comment le chiffre a été obtenu)'],
      ['metrics.1.sourceUrl', 'un chiffre audité doit citer sa source (Source publique du chiffre (obligatoire pour un chiffre audité))'],
    ]);
  });

  it('requires the alternative text of an image', () => {
    const problems = problemsOf(validLaureate({ screenshots: [{ src: './a.png', alt: 'Vue' }, { src: './b.png', alt: '  ' }] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'screenshots.1.alt', expected: 'un texte non vide' });
  });

  it('rejects an invalid date', () => {
    const [problem] = problemsOf(validLaureate({ selectedOn: '2025-02-30' }));
    expect(problem?.field).toBe('selectedOn');
  });

  it('flags an unknown field and suggests the right name', () => {
    expect(problemsOf(validLaureate({ thematic: ['autre'] }))).toEqual([
      expect.objectContaining({ field: 'thematic', message: 'champ « thematic » inconnu', hint: 'vouliez-vous dire « thematics » ?' }),
    ]);
  });

  it('reports every problem of an entry at once', () => {
    const problems = problemsOf(validLaureate({ category: 'x', summary: '', rgaa: 'oui', metrics: [{}] }));
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['category', 'summary', 'rgaa', 'metrics.0.type', 'metrics.0.label', 'metrics.0.after']),
    );
  });
});

describe('issueToProblems', () => {
  it('describes nested fields from the schema descriptions', () => {
    const problems = issueToProblems('f.md', schema, {
      code: 'invalid_type',
      expected: 'string',
      path: ['submitter', 'name'],
      message: '',
      input: undefined,
    } as never);
    expect(problems[0]?.message).toBe('champ obligatoire manquant (Nom de la structure porteuse)');
  });
});

describe('how to acquire a solution, and what was verified', () => {
  const route = { kind: 'centrale-achat', name: 'UGAP', reference: '12345', url: 'https://www.ugap.fr/offre/12345', checkedOn: '2026-11-02' };
  const fields = (data: unknown) => problemsOf(data).map((p) => p.field);

  it('accepts routes, reversibility, a contact page and verifications of declared facts', () => {
    const result = schema.safeParse(
      validLaureate({
        access: { routes: [route], reversibility: { exportFormats: ['CSV'] }, contactUrl: 'https://exemple.example.fr/contact' },
        verifications: [{ field: 'dataSecurity.secNumCloud', on: '2026-11-03', source: 'https://cyber.gouv.fr/prestataires-de-service-qualifies' }],
      }),
    );
    expect(result.success).toBe(true);
    expect(result.success && result.data.access?.routes[0]!.checkedOn).toEqual(new Date('2026-11-02T00:00:00Z'));
  });

  it('names the exact field of a bad route: unknown kind, missing date, a link that is not a web address', () => {
    expect(fields(validLaureate({ access: { routes: [{ ...route, kind: 'ugap' }] } }))).toEqual(['access.routes.0.kind']);
    const { checkedOn: _c, ...undated } = route;
    expect(fields(validLaureate({ access: { routes: [undated] } }))).toEqual(['access.routes.0.checkedOn']);
    expect(fields(validLaureate({ access: { routes: [{ ...route, url: 'javascript:alert(1)' }] } }))).toEqual(['access.routes.0.url']);
  });

  it('refuses a person’s e-mail as the vendor’s contact: a public web page only', () => {
    expect(fields(validLaureate({ access: { contactUrl: 'mailto:jean.dupont@exemple.fr' } }))).toEqual(['access.contactUrl']);
  });

  it('refuses a verification of a fact the fiche does not declare, or of a fact that cannot be checked', () => {
    const problems = problemsOf(validLaureate({ rgaa: undefined, verifications: [{ field: 'rgaa', on: '2026-11-03', source: 'https://exemple.example.fr/accessibilite' }] }));
    expect(problems.map((p) => [p.field, p.message])).toEqual([['verifications.0.field', 'vérification de « rgaa », que la fiche ne renseigne pas (Le fait vérifié (chemin du champ))']]);
    expect(fields(validLaureate({ verifications: [{ field: 'summary', on: '2026-11-03', source: 'https://x.fr' }] }))).toEqual(['verifications.0.field']);
    expect(fields(validLaureate({ verifications: [{ field: 'rgaa', on: '2026-11-03' }] }))).toEqual(['verifications.0.source']);
  });
});
