import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { historyOf, parseGitLog } from './history.ts';

describe('parseGitLog', () => {
  it('reads each file’s changes, newest first, with the commit’s « Fiche : » line or what git knows', () => {
    const out = [
      '\u001e2026-11-03\u001fFix cost\n\nFiche : Coût de déploiement corrigé\n\u001f\n\nM\tcontent/laureates/a/plume.md\nM\tsrc/x.ts\n',
      '\u001e2026-10-01\u001fRename\n\u001f\n\nR100\tcontent/laureates/a/old.md\tcontent/laureates/a/plume.md\n',
      '\u001e2026-09-01\u001fAdd\n\u001f\n\nA\tcontent/laureates/a/old.md\nD\tcontent/laureates/a/gone.md\n',
    ].join('');
    const h = parseGitLog(out);
    expect(h.get('content/laureates/a/plume.md')).toEqual([
      { date: '2026-11-03', summary: 'Coût de déploiement corrigé' },
      { date: '2026-10-01', summary: 'Fiche renommée' },
    ]);
    expect(h.get('content/laureates/a/old.md')).toEqual([{ date: '2026-09-01', summary: 'Publication de la fiche' }]);
    expect(h.has('content/laureates/a/gone.md')).toBe(false);
  });
});

describe('historyOf', () => {
  const repo = mkdtempSync(path.join(tmpdir(), 'catalogue-history-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const env = { ...process.env, GIT_AUTHOR_NAME: 'Éditrice', GIT_AUTHOR_EMAIL: 'editrice@exemple.fr', GIT_COMMITTER_NAME: 'Éditrice', GIT_COMMITTER_EMAIL: 'editrice@exemple.fr' };
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-C', repo, ...args], { encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(r.stderr);
  };

  it('reads a real repository: one entry per commit that touched the file, no author', () => {
    git('init', '-q');
    const file = path.join(repo, 'laureates/solutions-ia-2025/plume.md');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'v1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Add plume', '--date', '2026-09-01T10:00:00');
    writeFileSync(file, 'v2\n');
    git('commit', '-q', '-am', 'Update plume\n\nFiche : Ajout de la voie d’achat UGAP', '--date', '2026-11-03T10:00:00');
    const h = historyOf(path.join(repo, 'laureates'));
    const changes = h.get(file)!;
    expect(changes.map((c) => c.summary)).toEqual(['Ajout de la voie d’achat UGAP', 'Publication de la fiche']);
    expect(changes[1]!.date).toBe('2026-09-01');
    expect(JSON.stringify(changes)).not.toMatch(/@|Éditrice/);
  });

  it('is empty outside a git checkout', () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'catalogue-nogit-'));
    try {
      expect(historyOf(plain).size).toBe(0);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
