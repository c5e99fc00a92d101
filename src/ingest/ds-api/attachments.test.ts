import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { attachmentsFromApi, checksumMatches } from './attachments.ts';
import type { ApiDossier } from './query.ts';

const bytes = Buffer.from('%PDF-1.7 brochure');
const md5 = createHash('md5').update(bytes).digest('base64');

function dossier(file: Partial<{ checksum: string; byteSizeBigInt: string }>): ApiDossier {
  return {
    number: 7,
    state: 'accepte',
    dateTraitement: null,
    dateDerniereModification: '2025-01-01T00:00:00+01:00',
    demandeur: { __typename: 'PersonneMoraleIncomplete', siret: '1' },
    annotations: [],
    champs: [{ __typename: 'PieceJustificativeChamp', id: 'p', champDescriptorId: 'p', label: 'Brochure', stringValue: null, files: [{ filename: 'b.pdf', url: 'https://files.example/b?sig=1', checksum: md5, byteSizeBigInt: String(bytes.length), contentType: 'application/pdf', ...file }] }],
  };
}

describe('API attachments', () => {
  it('checks ActiveStorage’s checksum (MD5, or SHA-256) ', () => {
    expect(checksumMatches(bytes, md5)).toBe(true);
    expect(checksumMatches(bytes, createHash('sha256').update(bytes).digest('base64'))).toBe(true);
    expect(checksumMatches(Buffer.from('autre'), md5)).toBe(false);
  });

  it('downloads on demand, and says why a file was not taken', async () => {
    const ok = attachmentsFromApi([dossier({})], (async () => new Response(bytes)) as unknown as typeof fetch);
    expect(ok.names(7)).toEqual(['b.pdf']);
    expect(await ok.read(7, 'b.pdf')).toEqual(bytes);
    expect(await ok.read(8, 'b.pdf')).toBeUndefined();

    const altered = attachmentsFromApi([dossier({})], (async () => new Response(Buffer.from('%PDF-1.7 brochurX'))) as unknown as typeof fetch);
    expect(await altered.read(7, 'b.pdf')).toBeUndefined();
    expect(altered.why(7, 'b.pdf')).toMatch(/empreinte \(checksum\) différente/);

    const cut = attachmentsFromApi([dossier({})], (async () => new Response(bytes.subarray(0, 5))) as unknown as typeof fetch);
    expect(await cut.read(7, 'b.pdf')).toBeUndefined();
    expect(cut.why(7, 'b.pdf')).toMatch(/tronqué ou différent \(5 octets reçus, 17 annoncés\)/);

    let fetched = false;
    const huge = attachmentsFromApi([dossier({ byteSizeBigInt: String(50 * 1024 * 1024) })], (async () => { fetched = true; return new Response(bytes); }) as unknown as typeof fetch);
    expect(await huge.read(7, 'b.pdf')).toBeUndefined();
    expect(huge.why(7, 'b.pdf')).toMatch(/trop lourde \(50 Mo/);
    expect(fetched).toBe(false);
  });
});
