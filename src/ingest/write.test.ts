import { describe, expect, it } from 'vitest';
import { resolveWrite, sha256 } from './write.ts';

const v1 = '---\nname: "Plume"\n---\n\nTexte.\n';
const v2 = '---\nname: "Plume 2"\n---\n\nTexte.\n';
const edited = '---\nname: "Plume (corrigé)"\n---\n\nTexte.\n';

describe('resolveWrite', () => {
  it('creates a fiche the ingestion never wrote', () => {
    expect(resolveWrite(v1, undefined, undefined)).toEqual({ kind: 'created' });
  });
  it('updates a fiche nobody edited since the last ingestion', () => {
    expect(resolveWrite(v2, v1, sha256(v1))).toEqual({ kind: 'updated' });
  });
  it('changes nothing when the content is the same', () => {
    expect(resolveWrite(v1, v1, sha256(v1))).toEqual({ kind: 'unchanged' });
    expect(resolveWrite(v1, v1, undefined)).toEqual({ kind: 'unchanged' });
  });
  it('never overwrites an editor’s change: the new version goes beside it', () => {
    expect(resolveWrite(v2, edited, sha256(v1))).toEqual({ kind: 'conflict', review: true, reason: 'fiche modifiée par un éditeur depuis la dernière ingestion' });
  });
  it('never overwrites a fiche written by hand with the same name', () => {
    expect(resolveWrite(v1, edited, undefined)).toMatchObject({ kind: 'conflict', review: true, reason: 'une fiche de ce nom existe déjà et ne vient pas de l’ingestion' });
  });
  it('does not recreate a fiche an editor deleted', () => {
    expect(resolveWrite(v1, undefined, sha256(v1))).toEqual({ kind: 'conflict', review: false, reason: 'fiche supprimée par un éditeur : non recréée' });
  });
});
