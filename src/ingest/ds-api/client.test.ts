import { describe, expect, it } from 'vitest';
import { createClient, MAX_WAIT_MS, retryDelay, tokenFromEnv } from './client.ts';

const TOKEN = 'secret-token-abcdef123456';
const reply = (status: number, body: string, headers: Record<string, string> = {}) => async () => new Response(body, { status, headers });

describe('the DS client', () => {
  it('waits as Retry-After or RateLimit-Reset say, bounded', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelay(new Headers({ 'retry-after': '7' }), 0, now)).toBe(7000);
    expect(retryDelay(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), 0, now)).toBe(30_000);
    expect(retryDelay(new Headers({ 'ratelimit-reset': '12' }), 0, now)).toBe(12_000);
    expect(retryDelay(new Headers({ 'ratelimit-reset': String(now / 1000 + 20) }), 0, now)).toBe(20_000);
    expect(retryDelay(new Headers(), 2, now)).toBe(4000);
    expect(retryDelay(new Headers({ 'retry-after': '86400' }), 0, now)).toBe(MAX_WAIT_MS);
  });

  it('names the problem of a refused token without ever writing it', async () => {
    const cases: Array<[() => Promise<Response>, RegExp]> = [
      [reply(401, '{"errors":[{"message":"Token expired"}]}'), /HTTP 401.*expiré/],
      [reply(403, '{"errors":[{"message":"Without a token, only persisted queries are allowed"}]}'), /HTTP 403.*jeton inconnu ou révoqué/],
      [reply(403, `{"errors":[{"message":"Forbidden: token ${TOKEN} cannot be used from 203.0.113.9"}]}`), /depuis l’adresse 203\.0\.113\.9 \(HTTP 403\).*restreint à certaines adresses IP/],
      [reply(500, 'oops'), /HTTP 500/],
      [reply(200, 'not json'), /réponse illisible/],
      [async () => { throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); }, /injoignable \(ECONNREFUSED\)/],
    ];
    for (const [fetch, message] of cases) {
      const client = createClient({ endpoint: 'https://ds.example/api/v2/graphql', token: TOKEN, fetch: fetch as typeof globalThis.fetch });
      const error = await client.run('Revision', { demarche: 1 }, 'test').catch((e: Error) => e);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(TOKEN);
    }
  });

  it('sends the token as a bearer header, the operation and its variables', async () => {
    let sent: RequestInit | undefined;
    const client = createClient({ endpoint: 'https://ds.example/api/v2/graphql', token: TOKEN, fetch: (async (_url: string, init: RequestInit) => { sent = init; return new Response('{"data":{"demarche":null}}'); }) as unknown as typeof fetch });
    await client.run('Revision', { demarche: 42 }, 'test');
    expect((sent!.headers as Record<string, string>).authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(sent!.body as string)).toMatchObject({ operationName: 'Revision', variables: { demarche: 42 } });
  });

  it('says how to get a token when DS_API_TOKEN is missing', () => {
    expect(() => tokenFromEnv({})).toThrow(/DS_API_TOKEN absente : créez un jeton dans Démarches Simplifiées/);
    expect(tokenFromEnv({ DS_API_TOKEN: ` ${TOKEN}\n` })).toBe(TOKEN);
  });
});
