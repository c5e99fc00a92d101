/** The ingestion report, as text for the terminal. */
import type { CallReport } from './run.ts';

export function formatReport(report: CallReport): string {
  const lines: string[] = [`Appel ${report.call}`];
  for (const input of report.inputs) lines.push(`  fichier ${input.file} : ${input.kind}${input.note ? ` (${input.note})` : ''}`);
  lines.push(
    `  ${report.dossiersRead} dossiers lus, ${report.laureates} lauréats`,
    `  créées : ${report.created.length} · mises à jour : ${report.updated.length} · inchangées : ${report.unchanged.length} · conflits : ${report.conflicts.length} · dépubliées : ${report.unpublished.length}`,
  );
  for (const f of report.created) lines.push(`  + ${f}`);
  for (const f of report.updated) lines.push(`  ~ ${f}`);
  for (const u of report.unpublished) lines.push(`  − ${u.file} (dossier ${u.dossier} : ${u.reason}, published: false)`);
  if (report.conflicts.length > 0) {
    lines.push('  Conflits (rien n’a été écrasé) :');
    for (const c of report.conflicts) lines.push(`    dossier ${c.dossier} — ${c.file} : ${c.reason}${c.review ? `\n      nouvelle version à relire : ${c.review}` : ''}`);
  }
  if (report.skipped.length > 0) {
    lines.push('  Non publiés :');
    for (const s of report.skipped) lines.push(`    dossier ${s.dossier} : ${s.reason}`);
  }
  if (report.warnings.length > 0) {
    lines.push('  Avertissements :');
    for (const w of report.warnings) lines.push(`    ${w.dossier ? `dossier ${w.dossier}` : 'export'}${w.field ? ` · ${w.field}` : ''} : ${w.message}`);
  }
  if (report.errors.length > 0) {
    lines.push('  Erreurs :');
    for (const e of report.errors) lines.push(`    ${e.dossier ? `dossier ${e.dossier} : ` : ''}${e.message}`);
  }
  return lines.join('\n');
}
