import { readResponse, sessionHeaders } from '../api/client';

/**
 * A multipart request (KYC documents, signed contracts and their attachments, the provider's seal,
 * ticket and notice files): the browser sets the boundary, the language and CSRF headers go along as
 * with every other call, and a refusal becomes the same ApiError as JSON calls, so forms show the
 * server's field messages. `path` is below /api/v1, as for `get`/`post`.
 */
export async function upload<T>(method: 'POST' | 'PUT', path: string, form: FormData): Promise<T> {
  const res = await fetch(`/api/v1${path}`, { method, body: form, credentials: 'same-origin', headers: sessionHeaders(method) });
  return readResponse<T>(res);
}
