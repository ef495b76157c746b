import { z } from 'zod';
import { IdParams, ItemsOf, Timestamp } from '../../http/dto.js';
import { DNS_TYPES } from './dns.schema.js';

export { IdParams };
const ttl = z.number().int().min(60).max(86400);

export const Zone = z.object({ id: z.uuid(), customerId: z.uuid(), domain: z.string(), serial: z.number(), defaultTtl: z.number(), createdAt: Timestamp, updatedAt: Timestamp }).meta({ id: 'DnsZone' });
export const DnsRecord = z
  .object({ id: z.uuid(), zoneId: z.uuid(), customerId: z.uuid(), name: z.string(), type: z.enum(DNS_TYPES), value: z.string(), ttl: z.number().nullable(), priority: z.number().nullable(), createdAt: Timestamp })
  .meta({ id: 'DnsRecord' });
export const ZoneWithRecords = Zone.extend({ records: z.array(DnsRecord) }).meta({ id: 'DnsZoneWithRecords' });
export const ZoneList = ItemsOf(Zone);
export const CustomerQuery = z.object({ customerId: z.uuid().optional() });
export const RecordExportQuery = z.object({ zoneId: z.uuid().optional(), customerId: z.uuid().optional() });
export const CreateZoneBody = z.object({ customerId: z.uuid(), domain: z.string().trim().min(3).max(253), defaultTtl: ttl.optional() });
export const AddRecordBody = z.object({
  name: z.string().trim().min(1).max(253),
  type: z.enum(DNS_TYPES),
  value: z.string().trim().min(1).max(2000),
  ttl: ttl.nullable().optional(),
  priority: z.number().int().min(0).max(65535).nullable().optional(),
});

// ── reverse DNS for the provider's pools ─────────────────────────────
export const PtrRecord = z
  .object({ id: z.uuid(), allocationId: z.uuid(), customerId: z.uuid(), origin: z.string(), name: z.string(), hostname: z.string(), ttl: z.number().nullable(), createdAt: Timestamp, updatedAt: Timestamp })
  .meta({ id: 'DnsPtrRecord' });
export const PtrList = ItemsOf(PtrRecord);
export const ReverseZone = z.object({ origin: z.string(), pools: z.array(z.string()), serial: z.number(), records: z.number() }).meta({ id: 'DnsReverseZone' });
export const ReverseZoneList = ItemsOf(ReverseZone);
export const ReverseOriginParams = z.object({ origin: z.string().max(100).regex(/^([0-9a-f]{1,3}\.)+(in-addr|ip6)\.arpa\.?$/i) });
export const SetPtrBody = z.object({ hostname: z.string().trim().min(1).max(253), ttl: ttl.nullable().optional() });
/** A zone as an RFC 1035 master file (text/dns). */
export const ZoneFile = z.string().meta({ description: 'an RFC 1035 master file (text/dns)' });
