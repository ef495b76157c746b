import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toCsv } from '../../core/csv.js';
import { scopeOf } from '../../http/auth.js';
import { FileBody } from '../../http/dto.js';
import { ExportParams, FILE_KIND, ImportBody, ImportReport } from './netbox.dto.js';
import type { NetboxService } from './netbox.service.js';

export function netboxRoutes(deps: { netbox: NetboxService }): FastifyPluginAsyncZod {
  const { netbox } = deps;
  return async (app) => {
    app.post(
      '/netbox/import',
      {
        bodyLimit: 25 * 1024 * 1024,
        schema: {
          tags: ['netbox'],
          summary:
            'Import NetBox 3.x/4.x CSV (sites, racks, prefixes, devices, interfaces, IP addresses; import or export column names): the preview (dryRun) reports every row as create / unchanged / ignored / refused and the role and tenant mapping; apply imports with the mapping given, in one transaction',
          body: ImportBody,
          response: { 200: ImportReport },
        },
      },
      async (request) => {
        const { dryRun, roles, tenants, ...files } = request.body;
        return netbox.importCsv(scopeOf(request), files, { dryRun, locale: request.locale, mapping: { roles, tenants } });
      },
    );
    app.get(
      '/netbox/export/:file',
      { schema: { tags: ['netbox'], summary: "The inventory as CSV in NetBox's import columns (sites.csv, racks.csv, devices.csv, ip-addresses.csv)", params: ExportParams, produces: ['text/csv'], response: { 200: FileBody } } },
      async (request, reply) => {
        const { columns, rows } = await netbox.exportCsv(scopeOf(request), FILE_KIND[request.params.file]);
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="netbox-${request.params.file}"`);
        return toCsv(columns, rows);
      },
    );
  };
}
