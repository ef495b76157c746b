/**
 * The API client: same-origin cookies, the CSRF header on every change, one error type.
 *
 * Pages use the typed `client` generated from the server's OpenAPI document (schema.gen.ts,
 * `npm run api:generate`): paths, parameters, bodies and answers are checked against the server's
 * zod schemas. The untyped api/get/post/put/del below serve the pages not yet converted.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen';

export type { components, paths };
/** One refused field of the server's error body (its `Error` schema): path and reason in the user's language. */
export type FieldError = Schemas['Error']['error']['fields'][number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

let currentLocale = 'zh-CN';
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The double-submit CSRF token the server set at sign-in; every request that changes something echoes it. */
function csrfToken(): string | undefined {
  const csrf = cookie('rp_csrf');
  return csrf ? decodeURIComponent(csrf) : undefined;
}

/** The server's error body `{ error: { code, message, fields } }` (or none) → ApiError. */
function toApiError(response: Response, body: unknown): ApiError {
  const e: Partial<Schemas['Error']['error']> = (body as Partial<Schemas['Error']> | undefined)?.error ?? {};
  return new ApiError(response.status, e.code ?? 'HTTP_' + response.status, e.message ?? response.statusText, e.fields ?? []);
}

/**
 * What every request of this session carries: the UI's language, on a change the CSRF token, and
 * on a POST (a submit) an Idempotency-Key of its own: a load balancer that sends the same request
 * to another app process after the first one died gets the first answer, not a second record.
 */
export function sessionHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': currentLocale };
  const csrf = method === 'GET' || method === 'HEAD' ? undefined : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  // getRandomValues, not randomUUID: the latter is missing on plain http away from localhost
  if (method.toUpperCase() === 'POST') headers['idempotency-key'] = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return headers;
}

/** A response → its JSON body, or the server's refusal thrown as ApiError. */
export async function readResponse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch (e) {
    // a refusal from in front of the app (a proxy's 413 page) is still an ApiError with its status
    if (res.ok) throw e;
  }
  if (!res.ok) throw toApiError(res, json);
  return json as T;
}


/** The UI's language on every request (the server answers errors and documents in it), and the CSRF header on every change. */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(sessionHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
};

/**
 * The typed client: `client.GET('/api/v1/customers/{id}', { params: { path: { id } } })`. Paths are
 * those of the OpenAPI document (with /api/v1). Wrap the call in `unwrap` to get the body or an ApiError.
 */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(sessionMiddleware);

/**
 * The success body of a typed call, or the server's error thrown as ApiError (status, code, message,
 * fields). Takes what every openapi-fetch call resolves to: `data` on success,
 * the parsed error body as `error` otherwise.
 */
export async function unwrap<D>(pending: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<NonNullable<D>> {
  const { data, error, response } = await pending;
  if (!response.ok) throw toApiError(response, error);
  return data as NonNullable<D>;
}

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
/** The operation object of path P, method M. */
type Operation<P extends keyof paths, M extends Method> = paths[P][M & keyof paths[P]];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The named schemas of the document: `Schemas['Customer']`. */
export type Schemas = components['schemas'];
/** The JSON body path P answers to method M with (200, else 201): `ApiResponse<'/api/v1/customers', 'get'>`. */
export type ApiResponse<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? (R extends { 200: infer Ok } ? Json<Ok> : R extends { 201: infer Created } ? Json<Created> : never) : never;
/** The query parameters of path P, method M. */
export type ApiQuery<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The JSON request body of path P, method M. */
export type ApiBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** Query string from an object, skipping empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
}

/** The signed-in user (GET /api/v1/auth/me). */
export type Me = Schemas['Me'];

