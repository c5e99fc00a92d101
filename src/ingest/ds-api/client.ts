/**
 * Talks to Démarches Simplifiées' GraphQL API: one POST per page, the token
 * as a bearer header, the failures DS really produces turned into French
 * errors that say what to do. The token is never part of a message: every
 * error text goes through `redact` before it leaves this module.
 */
import { IngestError } from '../errors.ts';
import { DS_DOCUMENT, type Operation } from './query.ts';

export const DEFAULT_DS_API_URL = 'https://www.demarches-simplifiees.fr/api/v2/graphql';

/** How many times a rate-limited (429) or unavailable (502–504) request is tried again. */
export const MAX_RETRIES = 5;
/** Never wait longer than this for one retry, whatever the server asks. */
export const MAX_WAIT_MS = 120_000;

export interface ClientOptions {
  endpoint: string;
  token: string;
  fetch?: typeof fetch;
  /** Waits between retries (replaced in tests). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DsClient {
  /** Runs one operation of DS_DOCUMENT; `where` names the request in errors (« page 3 des dossiers »). */
  run<T>(operation: Operation, variables: Record<string, unknown>, where: string): Promise<T>;
  /** Removes the token from a text (for messages built outside the client). */
  redact(text: string): string;
}

/** The token in the environment variable, or a French error saying how to get one. */
export function tokenFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const token = env.DS_API_TOKEN?.trim();
  if (!token) {
    throw new IngestError(
      'variable d’environnement DS_API_TOKEN absente : créez un jeton dans Démarches Simplifiées (profil administrateur › Jetons d’API, limité à la démarche, en lecture), puis lancez DS_API_TOKEN=… npm run ingest -- --call <appel> --api',
    );
  }
  return token;
}

/** Seconds (or an HTTP date) from Retry-After, else RateLimit-Reset, in milliseconds. */
export function retryDelay(headers: Headers, attempt: number, now = Date.now()): number {
  const retryAfter = headers.get('retry-after');
  const reset = headers.get('ratelimit-reset');
  let ms: number | undefined;
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) ms = Number(retryAfter) * 1000;
  else if (retryAfter && !Number.isNaN(Date.parse(retryAfter))) ms = Date.parse(retryAfter) - now;
  else if (reset && /^\d+$/.test(reset.trim())) {
    const n = Number(reset);
    // RateLimit-Reset is seconds to wait; some servers send an epoch instead.
    ms = n > 1_000_000_000 ? n * 1000 - now : n * 1000;
  }
  if (ms === undefined) ms = 2 ** attempt * 1000;
  return Math.min(Math.max(ms, 0), MAX_WAIT_MS);
}

function authError(status: number, body: string, endpoint: string): string {
  const said = body.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (status === 401) {
    return `${endpoint} refuse le jeton (HTTP 401${said ? ` : « ${said} »` : ''}) : le jeton a probablement expiré — créez-en un nouveau dans Démarches Simplifiées (profil administrateur › Jetons d’API) et mettez-le dans DS_API_TOKEN`;
  }
  const ip = /(\b\d{1,3}(?:\.\d{1,3}){3}\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7})/i.exec(said)?.[1];
  if (ip && !/persisted/i.test(said)) {
    return `${endpoint} refuse la connexion depuis l’adresse ${ip} (HTTP 403) : le jeton est restreint à certaines adresses IP — ajoutez celle-ci aux réseaux autorisés du jeton, ou lancez l’ingestion depuis une machine autorisée`;
  }
  return `${endpoint} refuse le jeton (HTTP 403${said ? ` : « ${said} »` : ''}) : jeton inconnu ou révoqué — vérifiez DS_API_TOKEN (le jeton complet, sans espace), ou créez-en un nouveau dans Démarches Simplifiées`;
}

function graphqlErrors(errors: Array<{ message?: string; extensions?: { code?: string } }>, where: string, demarche: unknown): string {
  if (errors.some((e) => e.extensions?.code === 'unauthorized' || /hidden due to permissions/i.test(e.message ?? ''))) {
    return `${where} : le jeton n’a pas accès à la démarche n° ${String(demarche)} — dans Démarches Simplifiées, ouvrez le jeton (profil administrateur › Jetons d’API) et donnez-lui accès à cette démarche, ou vérifiez le numéro (--demarche ou demarche: dans mapping.yml)`;
  }
  const messages = errors.map((e) => `« ${e.message ?? 'erreur sans message'} »${e.extensions?.code ? ` (${e.extensions.code})` : ''}`).join(', ');
  return `${where} : Démarches Simplifiées a répondu par des erreurs : ${messages} — rien n’a été écrit ; relancez, et si l’erreur persiste, vérifiez le numéro de la démarche`;
}

export function createClient(options: ClientOptions): DsClient {
  const { endpoint, token } = options;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const redact = (text: string) => (token.length >= 4 ? text.split(token).join('[jeton masqué]') : text);
  const fail = (message: string) => new IngestError(redact(message));

  async function once(operation: Operation, variables: Record<string, unknown>, where: string, attempt: number): Promise<{ retry: number } | { data: unknown }> {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: DS_DOCUMENT, operationName: operation, variables }),
        redirect: 'error',
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      throw fail(`${where} : ${endpoint} injoignable (${cause?.code ?? cause?.message ?? (error as Error).message}) — rien n’a été écrit ; vérifiez la connexion réseau ou DS_API_URL, puis relancez`);
    }
    if (response.status === 429 || (response.status >= 502 && response.status <= 504)) {
      await response.body?.cancel();
      if (attempt >= MAX_RETRIES) {
        throw fail(`${where} : ${response.status === 429 ? 'trop de requêtes (HTTP 429)' : `service indisponible (HTTP ${response.status})`} après ${MAX_RETRIES} nouvelles tentatives — rien n’a été écrit ; relancez plus tard`);
      }
      return { retry: retryDelay(response.headers, attempt) };
    }
    const body = await response.text();
    if (response.status === 401 || response.status === 403) throw fail(authError(response.status, body, endpoint));
    if (!response.ok) throw fail(`${where} : ${endpoint} a répondu HTTP ${response.status} — rien n’a été écrit ; vérifiez DS_API_URL, puis relancez`);
    let json: { data?: Record<string, unknown> | null; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    try {
      json = JSON.parse(body);
    } catch {
      throw fail(`${where} : réponse illisible (ce n’est pas du JSON : « ${body.slice(0, 80)} ») — vérifiez DS_API_URL`);
    }
    if (Array.isArray(json.errors) && json.errors.length > 0) throw fail(graphqlErrors(json.errors, where, variables.demarche));
    if (!json.data) throw fail(`${where} : réponse sans données — rien n’a été écrit ; relancez`);
    return { data: json.data };
  }

  return {
    redact,
    async run<T>(operation: Operation, variables: Record<string, unknown>, where: string): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        const result = await once(operation, variables, where, attempt);
        if ('data' in result) return result.data as T;
        await sleep(result.retry);
      }
    },
  };
}
