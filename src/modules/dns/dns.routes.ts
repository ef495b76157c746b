import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { FileBody, NoContent } from '../../http/dto.js';
import { AddRecordBody, CreateZoneBody, CustomerQuery, DnsRecord, IdParams, PtrList, PtrRecord, RecordExportQuery, ReverseOriginParams, ReverseZoneList, SetPtrBody, Zone, ZoneFile, ZoneList, ZoneWithRecords } from './dns.dto.js';
import type { DnsService } from './dns.service.js';

export function dnsRoutes(deps: { dns: DnsService }): FastifyPluginAsyncZod {
  const { dns } = deps;
  return async (app) => {
    app.get('/dns/zones', { schema: { tags: ['dns'], summary: 'DNS zones (a customer sees its own)', querystring: CustomerQuery, response: { 200: ZoneList } } }, async (request) => ({
      items: await dns.zones(scopeOf(request), request.query.customerId),
    }));
    app.post(
      '/dns/zones',
      { schema: { tags: ['dns'], summary: 'Host a zone for a customer domain (6.1: free resolution)', body: CreateZoneBody, response: { 201: Zone } } },
      async (request, reply) => reply.status(201).send(await dns.createZone(scopeOf(request), request.body)),
    );
    app.get('/dns/zones/:id', { schema: { tags: ['dns'], summary: 'A zone with its records', params: IdParams, response: { 200: ZoneWithRecords } } }, async (request) =>
      dns.zone(scopeOf(request), request.params.id),
    );
    app.post(
      '/dns/zones/:id/records',
      {
        schema: {
          tags: ['dns'],
          summary: 'Add a record',
          params: IdParams,
          body: AddRecordBody,
          response: { 201: DnsRecord },
        },
      },
      async (request, reply) => reply.status(201).send(await dns.addRecord(scopeOf(request), request.params.id, request.body)),
    );
    app.delete('/dns/records/:id', { schema: { tags: ['dns'], summary: 'Delete a record', params: IdParams, response: { 204: NoContent } } }, async (request, reply) => {
      await dns.deleteRecord(scopeOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    app.get('/dns/zones/:id/zonefile', { schema: { tags: ['dns'], summary: 'The zone as an RFC 1035 master file', params: IdParams, produces: ['text/dns'], response: { 200: ZoneFile } } }, async (request, reply) =>
      reply.type('text/dns; charset=utf-8').send(await dns.zoneFile(scopeOf(request), request.params.id)),
    );

    // ── reverse DNS for the provider's pools ─────────────────────────────
    app.get(
      '/dns/reverse-zones',
      { schema: { tags: ['dns'], summary: "The provider's reverse zones (in-addr.arpa, ip6.arpa), derived from the IP pools", response: { 200: ReverseZoneList } } },
      async (request) => ({ items: await dns.reverseZones(scopeOf(request)) }),
    );
    app.get(
      '/dns/reverse-zones/:origin/zonefile',
      { schema: { tags: ['dns'], summary: 'A reverse zone with its PTR records as an RFC 1035 master file', params: ReverseOriginParams, produces: ['text/dns'], response: { 200: ZoneFile } } },
      async (request, reply) => reply.type('text/dns; charset=utf-8').send(await dns.reverseZoneFile(scopeOf(request), request.params.origin)),
    );
    app.get(
      '/dns/ptr-records',
      { schema: { tags: ['dns'], summary: 'PTR records (a customer sees those of its own addresses)', querystring: CustomerQuery, response: { 200: PtrList } } },
      async (request) => ({ items: await dns.ptrRecords(scopeOf(request), request.query.customerId) }),
    );
    app.put(
      '/dns/ptr-records/:id',
      { schema: { tags: ['dns'], summary: 'Point an allocated address (by allocation id) back to a host name', params: IdParams, body: SetPtrBody, response: { 200: PtrRecord } } },
      async (request) => dns.setPtr(scopeOf(request), request.params.id, request.body),
    );
    app.delete('/dns/ptr-records/:id', { schema: { tags: ['dns'], summary: 'Remove the PTR record of an allocated address', params: IdParams, response: { 204: NoContent } } }, async (request, reply) => {
      await dns.deletePtr(scopeOf(request), request.params.id);
      return reply.status(204).send(null);
    });

    // ── CSV exports (UTF-8 with BOM for Excel) ──
    app.get('/dns/zones/export.csv', { schema: { tags: ['dns'], summary: 'DNS zones as CSV (a customer gets its own)', querystring: CustomerQuery, produces: ['text/csv'], response: { 200: FileBody } } }, async (request, reply) =>
      sendCsv(reply, 'dns-zones.csv', ['domain', 'customerId', 'serial', 'defaultTtl', 'updatedAt'], (await dns.zonesExport(scopeOf(request), request.query.customerId)).map((z) => [z.domain, z.customerId, z.serial, z.defaultTtl, z.updatedAt])),
    );
    app.get(
      '/dns/records/export.csv',
      { schema: { tags: ['dns'], summary: 'DNS records as CSV (a customer gets its own)', querystring: RecordExportQuery, produces: ['text/csv'], response: { 200: FileBody } } },
      async (request, reply) =>
        sendCsv(
          reply,
          'dns-records.csv',
          ['zone', 'name', 'type', 'value', 'ttl', 'priority'],
          (await dns.recordsExport(scopeOf(request), request.query)).map((r) => [r.domain, r.record.name, r.record.type, r.record.value, r.record.ttl, r.record.priority]),
        ),
    );
  };
}
