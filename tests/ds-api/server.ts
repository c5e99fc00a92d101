/**
 * A Démarches Simplifiées stand-in on 127.0.0.1: it executes whatever query it
 * receives against DS's real schema (graphql's execute over fixture objects,
 * so a field the schema lacks is an error, as at DS), checks the bearer
 * token as DS does (unknown 403, expired 401, a démarche the token cannot
 * see: 200 with an `unauthorized` error), serves pages smaller than asked,
 * and signed file addresses that expire. Faults can be injected per request.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema, execute, parse, validate, type GraphQLSchema } from 'graphql';
import type { FixtureDemarche, FixtureDossier } from './fixture.ts';

const SCHEMA_FILE = path.resolve(import.meta.dirname, '../fixtures/ds-api/schema.graphql');
let schema: GraphQLSchema | undefined;
const dsSchema = () => (schema ??= buildSchema(readFileSync(SCHEMA_FILE, 'utf8')));

export interface Fault {
  /** Which request (1-based, counting only GraphQL requests) gets the fault. */
  request: number;
  kind: '429' | 'errors' | 'null-node' | 'drop' | '502';
}

export interface ServerOptions {
  token: string;
  /** Nodes per page, whatever `first` asks (DS caps at 100). */
  pageSize?: number;
  faults?: Fault[];
  /** Dossiers deleted (`deletedDossiers`) or in the bin (`pendingDeletedDossiers`). */
  deleted?: Array<{ number: number; date: string; pending?: boolean }>;
  /** File keys whose address is handed out already expired, or whose file is gone. */
  expiredFiles?: string[];
  missingFiles?: string[];
  /** The token is valid but expired (401), or cannot see the démarche. */
  tokenState?: 'valid' | 'expired' | 'other-demarche';
}

export interface DsServer {
  url: string;
  /** Every request received: its operation, variables, and headers (to check what was sent). */
  requests: Array<{ operation?: string; variables?: Record<string, unknown>; authorization?: string; path: string }>;
  demarche: FixtureDemarche;
  options: ServerOptions;
  close(): Promise<void>;
}

const SECRET = 'signing-key-of-the-test-server';
const sign = (key: string, expires: number) => createHmac('sha256', SECRET).update(`${key}:${expires}`).digest('hex');

function connection<T>(all: readonly T[], args: { first?: number; after?: string | null }, pageSize: number) {
  const start = args.after ? Number(Buffer.from(args.after, 'base64').toString('utf8').replace('cursor-', '')) : 0;
  const size = Math.min(args.first ?? pageSize, pageSize);
  const nodes = all.slice(start, start + size);
  const end = start + nodes.length;
  return { nodes, pageInfo: { hasNextPage: end < all.length, hasPreviousPage: start > 0, endCursor: nodes.length > 0 ? Buffer.from(`cursor-${end}`).toString('base64') : null, startCursor: null } };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startDsServer(demarche: FixtureDemarche, options: ServerOptions): Promise<DsServer> {
  const requests: DsServer['requests'] = [];
  let graphqlCount = 0;
  let base = '';
  const pageSize = options.pageSize ?? 100;

  const fileUrl = (key: string) => {
    const expires = options.expiredFiles?.includes(key) ? Math.floor(Date.now() / 1000) - 10 : Math.floor(Date.now() / 1000) + 3600;
    return `${base}/rails/active_storage/blobs/${key}?expires=${expires}&signature=${sign(key, expires)}`;
  };
  const withUrls = (d: FixtureDossier) => ({
    ...d,
    champs: d.champs.map((c) => (Array.isArray(c.files) ? { ...c, files: (c.files as Array<{ key: string }>).map((f) => ({ ...f, url: fileUrl(f.key), createdAt: d.dateDerniereModification, byteSize: 0, virusScanResult: 'safe' })) } : c)),
  });

  const root = {
    demarche: (args: { number: number }) => {
      if (args.number !== demarche.number) throw new Error(`Demarche not found`);
      return {
        id: 'RGVtYXJjaGUtMTIzNDU2',
        number: demarche.number,
        title: demarche.title,
        activeRevision: demarche.activeRevision,
        dossiers: (a: { first?: number; after?: string; updatedSince?: string; state?: string }) => {
          let all = demarche.dossiers;
          if (a.state) all = all.filter((d) => d.state === a.state);
          if (a.updatedSince) all = all.filter((d) => Date.parse(d.dateDerniereModification) >= Date.parse(a.updatedSince!));
          const page = connection(all, a, pageSize);
          return { ...page, nodes: page.nodes.map(withUrls) };
        },
        deletedDossiers: (a: { first?: number; after?: string; deletedSince?: string }) =>
          connection((options.deleted ?? []).filter((d) => !d.pending && (!a.deletedSince || Date.parse(d.date) >= Date.parse(a.deletedSince))).map((d) => ({ id: `del-${d.number}`, number: d.number, dateSupression: d.date, reason: 'user_request', state: 'accepte' })), a, pageSize),
        pendingDeletedDossiers: (a: { first?: number; after?: string; deletedSince?: string }) =>
          connection((options.deleted ?? []).filter((d) => d.pending && (!a.deletedSince || Date.parse(d.date) >= Date.parse(a.deletedSince))).map((d) => ({ id: `del-${d.number}`, number: d.number, dateSupression: d.date, reason: 'user_request', state: 'accepte' })), a, pageSize),
      };
    },
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname.startsWith('/rails/active_storage/blobs/')) {
      const key = decodeURIComponent(url.pathname.split('/').pop()!);
      requests.push({ path: url.pathname, authorization: req.headers.authorization });
      const expires = Number(url.searchParams.get('expires'));
      if (url.searchParams.get('signature') !== sign(key, expires) || expires < Date.now() / 1000) {
        res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return;
      }
      const file = demarche.files.get(key);
      if (!file || options.missingFiles?.includes(key)) {
        res.writeHead(404).end('Not Found');
        return;
      }
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length }).end(file.bytes);
      return;
    }
    if (req.method !== 'POST' || url.pathname !== '/api/v2/graphql') {
      res.writeHead(404).end('Not Found');
      return;
    }
    const text = await body(req);
    let payload: { query?: string; operationName?: string; variables?: Record<string, unknown> };
    try {
      payload = JSON.parse(text);
    } catch {
      res.writeHead(400).end('Bad Request');
      return;
    }
    const n = ++graphqlCount;
    requests.push({ path: url.pathname, operation: payload.operationName, variables: payload.variables, authorization: req.headers.authorization });
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(data));

    if (req.headers.authorization !== `Bearer ${options.token}`) return json(403, { errors: [{ message: 'Without a token, only persisted queries are allowed' }] });
    if (options.tokenState === 'expired') return json(401, { errors: [{ message: 'Token expired' }] });
    const fault = options.faults?.find((f) => f.request === n)?.kind;
    if (fault === '429') return json(429, { errors: [{ message: 'Too many requests' }] }, { 'retry-after': '1', 'ratelimit-reset': '1' });
    if (fault === '502') return json(502, { message: 'Bad Gateway' });
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (options.tokenState === 'other-demarche') {
      return json(200, { data: null, errors: [{ message: 'An object of type Demarche was hidden due to permissions', extensions: { code: 'unauthorized' } }] });
    }
    const document = parse(payload.query ?? '');
    const problems = validate(dsSchema(), document);
    if (problems.length > 0) return json(200, { errors: problems.map((e) => ({ message: e.message })) });
    const result = await execute({ schema: dsSchema(), document, rootValue: root, variableValues: payload.variables, operationName: payload.operationName });
    if (fault === 'errors') return json(200, { data: result.data, errors: [{ message: 'Internal server error', extensions: { code: 'internal_server_error' } }] });
    if (fault === 'null-node') {
      const nodes = (result.data as any)?.demarche?.dossiers?.nodes;
      if (Array.isArray(nodes) && nodes.length > 0) nodes[nodes.length - 1] = null;
    }
    json(200, { ...(result.data !== undefined ? { data: result.data } : {}), ...(result.errors ? { errors: result.errors.map((e) => ({ message: e.message })) } : {}) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/api/v2/graphql`,
    requests,
    demarche,
    options,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
