/** The DSFR badge colour of an evidence level: the stronger the evidence, the stronger the colour (the word says it too). */
export const EVIDENCE_BADGE: Record<string, string> = { declare: '', mesure: 'fr-badge--info', audite: 'fr-badge--success' };
