import { ApiError } from '../../api/client';
import { LOCALE_STORAGE_KEY } from '../../i18n';

/**
 * A multipart request (KYC documents, the provider's seal): the browser sets the boundary, the
 * CSRF header goes along as with every change, and a refusal becomes the same ApiError as JSON
 * calls, so forms show the server's field messages.
 */
export async function upload<T>(method: 'POST' | 'PUT', path: string, form: FormData): Promise<T> {
  const csrf = document.cookie.split('; ').find((c) => c.startsWith('rp_csrf='))?.slice(8) ?? '';
  const res = await fetch(`/api/v1${path}`, {
    method,
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': decodeURIComponent(csrf), 'accept-language': localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN' },
  });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? res.statusText, e.fields ?? []);
  }
  return json as T;
}
