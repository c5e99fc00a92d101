/**
 * « Historique de la fiche »: the dates and one-line summaries of a fiche's
 * changes, read at build time from the git history of its file — one `git
 * log` for the whole content folder, never an author's name or e-mail.
 *
 * Commit subjects are the developers' (in English, about code as much as
 * content): a fiche shows a French line of its own. A commit may say it with
 * a `Fiche : …` line in its message; otherwise the line says what git
 * knows: the fiche was published, updated or renamed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface Change {
  /** ISO date (author date, AAAA-MM-JJ). */
  date: string;
  summary: string;
}

/** The message line a commit uses to describe its change to the fiches, in French. */
const SUMMARY_LINE = /^Fiches?\s*:\s*(.+)$/m;

const STATUS_SUMMARY: Record<string, string> = { A: 'Publication de la fiche', M: 'Mise à jour de la fiche', R: 'Fiche renommée', C: 'Fiche copiée' };

const RECORD = '\u001e';
const FIELD = '\u001f';

/**
 * Parses `git log --format=%x1e%as%x1f%B%x1f --name-status -M`: for each file
 * (path relative to the repository), its changes, newest first.
 */
export function parseGitLog(output: string): Map<string, Change[]> {
  const byFile = new Map<string, Change[]>();
  for (const record of output.split(RECORD).slice(1)) {
    const [date, message, files] = record.split(FIELD) as [string, string, string];
    const said = SUMMARY_LINE.exec(message)?.[1]?.trim();
    for (const line of (files ?? '').split('\n')) {
      const [status, ...paths] = line.trim().split('\t');
      if (!status || paths.length === 0) continue;
      const kind = status[0]!;
      if (kind === 'D') continue;
      const file = paths.at(-1)!;
      const summary = said ?? STATUS_SUMMARY[kind] ?? 'Mise à jour de la fiche';
      const list = byFile.get(file) ?? [];
      list.push({ date: date.trim(), summary });
      byFile.set(file, list);
    }
  }
  return byFile;
}

/**
 * The history of every file under `dir`, by absolute path; empty when `dir`
 * is not in a git checkout (a tarball, a copy) — the fiche then says so.
 */
export function historyOf(dir: string): Map<string, Change[]> {
  const git = (args: string[]) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const top = git(['rev-parse', '--show-toplevel']);
  if (top.status !== 0) return new Map();
  const log = git(['log', '-M', '--format=%x1e%as%x1f%B%x1f', '--name-status', '--', '.']);
  if (log.status !== 0) return new Map();
  const root = top.stdout.trim();
  return new Map([...parseGitLog(log.stdout)].map(([file, changes]) => [path.resolve(root, file), changes]));
}
