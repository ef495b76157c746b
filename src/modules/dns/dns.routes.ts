import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeOf } from '../../http/auth.js';
import { sendCsv } from '../../http/csv.js';
import { IdParams, Timestamp } from '../../http/dto.js';
import { DNS_TYPES } from './dns.schema.js';
import type { DnsService } from './dns.service.js';

const Zone = z.object({ id: z.uuid(), customerId: z.uuid(), domain: z.string(), serial: z.number(), defaultTtl: z.number(), createdAt: Timestamp, updatedAt: Timestamp }).meta({ id: 'DnsZone' });
const Record = z.object({ id: z.uuid(), zoneId: z.uuid(), customerId: z.uuid(), name: z.string(), type: z.enum(DNS_TYPES), value: z.string(), ttl: z.number().nullable(), priority: z.number().nullable(), createdAt: Timestamp }).meta({ id: 'DnsRecord' });

export function dnsRoutes(deps: { dns: DnsService }): FastifyPluginAsyncZod {
  const { dns } = deps;
  return async (app) => {
    app.get('/dns/zones', { schema: { tags: ['dns'], summary: 'DNS zones (a customer sees its own)', querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Zone) }) } } }, async (request) => ({
      items: await dns.zones(scopeOf(request), request.query.customerId),
    }));
    app.post(
      '/dns/zones',
      { schema: { tags: ['dns'], summary: 'Host a zone for a customer domain (6.1: free resolution)', body: z.object({ customerId: z.uuid(), domain: z.string().trim().min(3).max(253), defaultTtl: z.number().int().min(60).max(86400).optional() }), response: { 201: Zone } } },
      async (request, reply) => reply.status(201).send(await dns.createZone(scopeOf(request), request.body)),
    );
    app.get('/dns/zones/:id', { schema: { tags: ['dns'], summary: 'A zone with its records', params: IdParams, response: { 200: Zone.extend({ records: z.array(Record) }) } } }, async (request) =>
      dns.zone(scopeOf(request), request.params.id),
    );
    app.post(
      '/dns/zones/:id/records',
      {
        schema: {
          tags: ['dns'],
          summary: 'Add a record',
          params: IdParams,
          body: z.object({ name: z.string().trim().min(1).max(253), type: z.enum(DNS_TYPES), value: z.string().trim().min(1).max(2000), ttl: z.number().int().min(60).max(86400).nullable().optional(), priority: z.number().int().min(0).max(65535).nullable().optional() }),
          response: { 201: Record },
        },
      },
      async (request, reply) => reply.status(201).send(await dns.addRecord(scopeOf(request), request.params.id, request.body)),
    );
    app.delete('/dns/records/:id', { schema: { tags: ['dns'], summary: 'Delete a record', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await dns.deleteRecord(scopeOf(request), request.params.id);
      return reply.status(204).send(null);
    });
    app.get('/dns/zones/:id/zonefile', { schema: { tags: ['dns'], summary: 'The zone as an RFC 1035 master file', params: IdParams } }, async (request, reply) =>
      reply.type('text/dns; charset=utf-8').send(await dns.zoneFile(scopeOf(request), request.params.id)),
    );

    // ── reverse DNS for the provider's pools ─────────────────────────────
    const Ptr = z.object({ id: z.uuid(), allocationId: z.uuid(), customerId: z.uuid(), origin: z.string(), name: z.string(), hostname: z.string(), ttl: z.number().nullable(), createdAt: Timestamp, updatedAt: Timestamp }).meta({ id: 'DnsPtrRecord' });
    app.get(
      '/dns/reverse-zones',
      { schema: { tags: ['dns'], summary: "The provider's reverse zones (in-addr.arpa, ip6.arpa), derived from the IP pools", response: { 200: z.object({ items: z.array(z.object({ origin: z.string(), pools: z.array(z.string()), serial: z.number(), records: z.number() })) }) } } },
      async (request) => ({ items: await dns.reverseZones(scopeOf(request)) }),
    );
    app.get(
      '/dns/reverse-zones/:origin/zonefile',
      { schema: { tags: ['dns'], summary: 'A reverse zone with its PTR records as an RFC 1035 master file', params: z.object({ origin: z.string().max(100).regex(/^([0-9a-f]{1,3}\.)+(in-addr|ip6)\.arpa$/) }) } },
      async (request, reply) => reply.type('text/dns; charset=utf-8').send(await dns.reverseZoneFile(scopeOf(request), request.params.origin)),
    );
    app.get(
      '/dns/ptr-records',
      { schema: { tags: ['dns'], summary: 'PTR records (a customer sees those of its own addresses)', querystring: z.object({ customerId: z.uuid().optional() }), response: { 200: z.object({ items: z.array(Ptr) }) } } },
      async (request) => ({ items: await dns.ptrRecords(scopeOf(request), request.query.customerId) }),
    );
    app.put(
      '/dns/ptr-records/:id',
      { schema: { tags: ['dns'], summary: 'Point an allocated address (by allocation id) back to a host name', params: IdParams, body: z.object({ hostname: z.string().trim().min(1).max(253), ttl: z.number().int().min(60).max(86400).nullable().optional() }), response: { 200: Ptr } } },
      async (request) => dns.setPtr(scopeOf(request), request.params.id, request.body),
    );
    app.delete('/dns/ptr-records/:id', { schema: { tags: ['dns'], summary: 'Remove the PTR record of an allocated address', params: IdParams, response: { 204: z.null() } } }, async (request, reply) => {
      await dns.deletePtr(scopeOf(request), request.params.id);
      return reply.status(204).send(null);
    });

    // ── CSV exports (UTF-8 with BOM for Excel) ──
    app.get('/dns/zones/export.csv', { schema: { tags: ['dns'], summary: 'DNS zones as CSV (a customer gets its own)', querystring: z.object({ customerId: z.uuid().optional() }) } }, async (request, reply) =>
      sendCsv(reply, 'dns-zones.csv', ['domain', 'customerId', 'serial', 'defaultTtl', 'updatedAt'], (await dns.zonesExport(scopeOf(request), request.query.customerId)).map((z) => [z.domain, z.customerId, z.serial, z.defaultTtl, z.updatedAt])),
    );
    app.get(
      '/dns/records/export.csv',
      { schema: { tags: ['dns'], summary: 'DNS records as CSV (a customer gets its own)', querystring: z.object({ zoneId: z.uuid().optional(), customerId: z.uuid().optional() }) } },
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
