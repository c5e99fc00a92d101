/** Test data factories shared by the test files. */

/** A complete, valid 2025 laureate; each test breaks one thing. */
export function validLaureate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Solution exemple',
    summary: 'Une solution d’exemple pour les tests.',
    call: 'solutions-ia-2025',
    demo: true,
    category: 'solutions-applicatives',
    thematics: ['agents-conversationnels'],
    submitter: { name: 'Exemple SAS', kind: 'entreprise', size: 'pme', siret: '73282932000074', website: 'https://exemple.example.fr' },
    audiences: ['collectivites-territoriales'],
    maturity: 'industrialisee',
    metrics: [
      { type: 'delais', label: 'Délai de réponse', before: 10, after: 2, unit: 'jours', method: 'Relevé', evidence: 'mesure' },
    ],
    costs: { pricingModel: 'abonnement', deploymentCost: 1000 },
    dataSecurity: { secNumCloud: 'qualifie', dataLocation: 'france', certifications: [] },
    rgaa: 'partiellement-conforme',
    openness: { openSource: false },
    logo: { src: './images/logo.png', alt: 'Logo' },
    selectedOn: '2025-06-02',
    ...overrides,
  };
}
