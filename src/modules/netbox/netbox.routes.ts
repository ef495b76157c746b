import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toCsv } from '../../core/csv.js';
import { scopeOf } from '../../http/auth.js';
import { NETBOX_FILES, NETBOX_KINDS, type NetboxKind, type NetboxService } from './netbox.service.js';

const csvText = z.string().max(5_000_000).optional();
const RowReport = z.object({ line: z.number(), status: z.enum(['ok', 'error']), ref: z.string(), code: z.string().optional(), reason: z.string().optional(), fields: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const Report = z
  .object({ dryRun: z.boolean(), ok: z.number(), rejected: z.number(), files: z.array(z.object({ kind: z.enum(NETBOX_KINDS as [NetboxKind, ...NetboxKind[]]), file: z.string(), rows: z.array(RowReport) })) })
  .meta({ id: 'NetboxImportReport' });
const FILE_KIND = Object.fromEntries(NETBOX_KINDS.map((k) => [NETBOX_FILES[k].file, k])) as Record<string, NetboxKind>;

export function netboxRoutes(deps: { netbox: NetboxService }): FastifyPluginAsyncZod {
  const { netbox } = deps;
  return async (app) => {
    app.post(
      '/netbox/import',
      {
        bodyLimit: 25 * 1024 * 1024,
        schema: {
          tags: ['netbox'],
          summary: 'Import NetBox CSV exports (sites, racks, devices, IP addresses): a dry run reports every row; apply imports the good rows in one transaction',
          body: z.object({ dryRun: z.boolean().default(true), sites: csvText, racks: csvText, devices: csvText, ipAddresses: csvText }),
          response: { 200: Report },
        },
      },
      async (request) => {
        const { dryRun, ...files } = request.body;
        return netbox.importCsv(scopeOf(request), files, { dryRun, locale: request.locale });
      },
    );
    app.get(
      '/netbox/export/:file',
      { schema: { tags: ['netbox'], summary: "The inventory as CSV in NetBox's import columns (sites.csv, racks.csv, devices.csv, ip-addresses.csv)", params: z.object({ file: z.enum(Object.keys(FILE_KIND) as [string, ...string[]]) }) } },
      async (request, reply) => {
        const { columns, rows } = await netbox.exportCsv(scopeOf(request), FILE_KIND[request.params.file]);
        reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="netbox-${request.params.file}"`);
        return toCsv(columns, rows);
      },
    );
  };
}
