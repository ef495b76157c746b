import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

/**
 * Reads a multipart form with one file: the file's bytes and name and the text fields. A file over
 * maxBytes (or over the server-wide multipart limit) is a field error on 'file', never a 500.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; fileName: string; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'field.required' }]);
  const tooLarge = new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'kyc.fileTooLarge', params: { mb: maxBytes / 1024 / 1024 } }]);
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge : err;
      });
      if (part.file.truncated || bytes.byteLength > maxBytes) throw tooLarge;
      file = { bytes, fileName: part.filename || 'upload' };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!file) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', key: 'field.required' }]);
  return { ...file, fields };
}
