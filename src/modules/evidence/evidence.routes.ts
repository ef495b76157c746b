import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { contentDisposition } from '../../http/download.js';
import { FileBody } from '../../http/dto.js';
import { EvidenceParams } from './evidence.dto.js';
import type { EvidenceService } from './evidence.service.js';

/** Issue 22 §5: a customer's evidence pack (compliance, auditors, admins); taking it is audited. */
export function evidenceRoutes(deps: { evidence: EvidenceService }): FastifyPluginAsyncZod {
  const { evidence } = deps;
  return async (app) => {
    app.get(
      '/customers/:id/evidence-pack',
      {
        schema: {
          tags: ['evidence'],
          summary: "The customer's evidence pack: a zip of summary.pdf (Chinese), data.json, the audit extract, the stored files, manifest.json with every file's SHA-256, manifest.sig (Ed25519, the audit anchor key) and public-key.pem (compliance, auditor)",
          params: EvidenceParams,
          produces: ['application/zip'],
          response: { 200: FileBody },
        },
      },
      async (request, reply) => {
        const pack = await evidence.build(scopeOf(request), request.params.id);
        reply
          .header('content-type', 'application/zip')
          .header('content-disposition', contentDisposition(pack.fileName))
          .header('content-length', String(pack.zip.byteLength))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store');
        return Buffer.from(pack.zip.buffer, pack.zip.byteOffset, pack.zip.byteLength);
      },
    );
  };
}
