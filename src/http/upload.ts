import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { badTextFields } from './input.js';

/** The server-wide multipart file limit (server.ts), for the routes without a smaller one of their own. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export interface UploadForm {
  /** the one file, if the form carried one */
  file?: { bytes: Buffer; fileName: string };
  /** the text fields, by name */
  fields: Record<string, string>;
}

/**
 * Reads a multipart form: the text fields and the single file. Every upload route reads its body here,
 * so that a body the multipart parser cannot read (cut short, a broken boundary or part header) is a
 * 400 naming `fileField`, and a file over maxBytes (or over the server-wide limit) a 400 naming it too —
 * never the parser's own error as a 500.
 */
export async function readForm(request: FastifyRequest, opts: { maxBytes: number; fileField?: string }): Promise<UploadForm> {
  const fileField = opts.fileField ?? 'file';
  if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', {}, [{ path: fileField, key: 'field.required' }]);
  const tooLarge = new AppError('VALIDATION_FAILED', {}, [{ path: fileField, key: 'kyc.fileTooLarge', params: { mb: opts.maxBytes / 1024 / 1024 } }]);
  const fields: Record<string, string> = {};
  let file: UploadForm['file'];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated || bytes.byteLength > opts.maxBytes) throw tooLarge;
        file = { bytes, fileName: part.filename || 'upload' };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    throw uploadError(err, fileField, tooLarge);
  }
  const bad = badTextFields({ ...fields, ...(file ? { [fileField]: file.fileName } : {}) });
  if (bad.length) throw new AppError('VALIDATION_FAILED', {}, bad);
  return { file, fields };
}

/** readForm for the routes whose file is required: a form without one is a 400 naming `fileField`. */
export async function readUpload(request: FastifyRequest, maxBytes: number, fileField = 'file'): Promise<{ bytes: Buffer; fileName: string; fields: Record<string, string> }> {
  const { file, fields } = await readForm(request, { maxBytes, fileField });
  if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: fileField, key: 'field.required' }]);
  return { ...file, fields };
}

/**
 * What a failure while reading the parts means to the user. @fastify/multipart's own errors carry a
 * status (413 for too many parts, 406 for a wrong content type) and keep it; everything else thrown
 * while parsing is busboy saying the body is not well-formed multipart ("Unexpected end of form",
 * "Malformed part header") — bad input, answered as a field error.
 */
function uploadError(err: unknown, fileField: string, tooLarge: AppError): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: unknown; statusCode?: unknown };
  if (e?.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge;
  if (typeof e?.statusCode === 'number' && e.statusCode < 500) return err;
  return new AppError('VALIDATION_FAILED', {}, [{ path: fileField, key: 'upload.malformed' }]);
}
