import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, requireStaff, type Scope } from '../../core/scope.js';
import { formatIp, hasControlCharacter, parseCidr, parseIp, reverseRecord, reverseZones, shanghaiDate, validateDomain, validateRecordName, type Cidr } from '../../rules/index.js';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../audit/audit.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import type { DnsRepository, PtrRow, RecordRow, ZoneRow } from './dns.repository.js';
import { nextSerial, renderZoneFile } from './zone-file.js';

export interface RecordInput {
  name: string;
  type: RecordRow['type'];
  value: string;
  ttl?: number | null;
  priority?: number | null;
}

/** Staff (NOC, sales) or the customer's own owner/technical user may keep a zone. */
function mayEdit(scope: Scope, customerId: string): void {
  if (scope.kind === 'customer') {
    if (scope.customerId !== customerId) throw new AppError('NOT_FOUND', { entity: 'dns_zone' });
  }
  requirePermission(scope, 'dns.edit');
}

/**
 * Checks a record's data by type and returns it in canonical form: the name relative to the zone,
 * host names absolute. No field may hold a control character (a line break in a zone file would
 * end the record and could start a directive).
 */
function checkRecord(input: RecordInput, zoneDomain: string): RecordInput {
  const fields: FieldError[] = [];
  const n = validateRecordName(input.name, zoneDomain);
  if (!n.valid) fields.push({ path: 'name', key: n.reason, params: { expected: zoneDomain } });
  const name = n.valid ? n.normalized : input.name;
  let value = input.value.trim();
  const host = (v: string) => {
    const d = validateDomain(v.replace(/\.$/, ''));
    if (!d.valid) fields.push({ path: 'value', key: d.reason });
    return d.valid ? `${d.normalized}.` : v;
  };
  if (hasControlCharacter(input.value)) fields.push({ path: 'value', key: 'DNS_CONTROL_CHARACTER' });
  else if (!value) fields.push({ path: 'value', key: 'field.required' });
  else
    switch (input.type) {
      case 'A':
      case 'AAAA': {
        const ip = parseIp(value);
        if (!ip || ip.version !== (input.type === 'A' ? 4 : 6)) fields.push({ path: 'value', key: 'IP_FORMAT' });
        else value = formatIp(ip);
        break;
      }
      case 'CNAME':
      case 'NS':
      case 'MX':
        value = host(value);
        break;
      case 'TXT':
        if (value.length > 2000) fields.push({ path: 'value', key: 'field.invalid' });
        break;
    }
  if (input.type === 'MX' && (input.priority === null || input.priority === undefined)) fields.push({ path: 'priority', key: 'field.required' });
  if (input.type === 'CNAME' && name === '@') fields.push({ path: 'name', key: 'dns.cnameAtApex' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
  return { ...input, name, value, priority: input.type === 'MX' ? input.priority : null };
}

export function makeDnsService(deps: {
  repo: DnsRepository;
  customers: { exists(scope: Scope, id: string): Promise<boolean> };
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
  nameservers: string[];
  hostmaster: string;
  /** reverse DNS: the live allocation behind a PTR, and the pools the reverse zones come from */
  ipam?: Pick<IpamService, 'liveAllocation' | 'prefixes'>;
}) {
  const { repo, audit, clock, ids } = deps;

  async function loadZone(scope: Scope, id: string): Promise<ZoneRow> {
    const zone = await repo.findZone(scope, id);
    if (!zone) throw new AppError('NOT_FOUND', { entity: 'dns_zone' });
    return zone;
  }

  function ipam() {
    if (!deps.ipam) throw new Error('reverse DNS needs the IPAM service');
    return deps.ipam;
  }

  /** The reverse zones of every pool, merged (two small pools may share one /24 zone). */
  async function poolOrigins(scope: Scope): Promise<Map<string, string[]>> {
    const origins = new Map<string, string[]>();
    for (const p of await ipam().prefixes(scope)) {
      const c = parseCidr(p.prefix);
      if ('error' in c) continue;
      for (const o of reverseZones(c)) origins.set(o, [...(origins.get(o) ?? []), p.name]);
    }
    return origins;
  }

  /** A reverse zone without PTRs yet: the day's first serial less one, so its first change gets the day's first. */
  const unseenSerial = () => nextSerial(0, shanghaiDate(clock.now())) - 1;

  async function bumpReverse(tx: Executor, origin: string) {
    const now = clock.now();
    const zone = await repo.lockReverseZone(tx, origin, unseenSerial(), now);
    await repo.updateReverseZone(tx, origin, nextSerial(zone.serial, shanghaiDate(now)), now);
  }

  return {
    /** The customers whose zone is one of these names — for another module's ownership check; ids only. */
    zoneHoldersOf: (names: string[]) => repo.zoneHolders(names),

    async zones(scope: Scope, customerId?: string) {
      requireReader(scope);
      return repo.listZones(scope, customerId);
    },

    /** CSV exports; a staff export is audited as one read with its filter. */
    async zonesExport(scope: Scope, customerId?: string) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'dns_zone_export', entityId: JSON.stringify({ customerId: customerId ?? null }), customerId });
      return repo.listZones(scope, customerId);
    },
    async recordsExport(scope: Scope, filter: { zoneId?: string; customerId?: string }) {
      requireReader(scope);
      await audit.recordRead(scope, { entity: 'dns_record_export', entityId: JSON.stringify({ zoneId: filter.zoneId ?? null, customerId: filter.customerId ?? null }), customerId: filter.customerId });
      return repo.listRecords(scope, filter);
    },

    async createZone(scope: Scope, input: { customerId: string; domain: string; defaultTtl?: number }) {
      mayEdit(scope, input.customerId);
      if (!(await deps.customers.exists(scope, input.customerId))) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'customerId', key: 'field.unknownCustomer' }]);
      const d = validateDomain(input.domain);
      if (!d.valid) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'domain', key: d.reason }]);
      const now = clock.now();
      const zone: ZoneRow = { id: ids.uuid(), customerId: input.customerId, domain: d.normalized, serial: nextSerial(0, shanghaiDate(now)), defaultTtl: input.defaultTtl ?? 600, createdAt: now, updatedAt: now };
      await repo.db.transaction(async (tx) => {
        await repo.insertZone(tx, zone);
        await audit.record(tx, scope, { action: 'dns.zoneCreate', entity: 'dns_zone', entityId: zone.id, customerId: zone.customerId, after: zone });
      });
      return zone;
    },

    async zone(scope: Scope, id: string) {
      requireReader(scope);
      const zone = await loadZone(scope, id);
      await audit.recordRead(scope, { entity: 'dns_zone', entityId: id, customerId: zone.customerId });
      return { ...zone, records: await repo.records(id) };
    },

    /** A CNAME stands alone at its name (RFC 1034 §3.6.2); every change bumps the zone's serial. */
    async addRecord(scope: Scope, zoneId: string, input: RecordInput) {
      const zone = await loadZone(scope, zoneId);
      mayEdit(scope, zone.customerId);
      const checked = checkRecord(input, zone.domain);
      return repo.db.transaction(async (tx) => {
        const locked = (await repo.lockZone(tx, zoneId))!;
        const existing = await repo.records(zoneId, tx);
        const sameName = existing.filter((r) => r.name === checked.name);
        if ((checked.type === 'CNAME' && sameName.length) || sameName.some((r) => r.type === 'CNAME')) {
          throw new AppError('VALIDATION_FAILED', {}, [{ path: 'name', key: 'dns.cnameAlone' }]);
        }
        const row: RecordRow = { id: ids.uuid(), zoneId, customerId: zone.customerId, name: checked.name, type: checked.type, value: checked.value, ttl: checked.ttl ?? null, priority: checked.priority ?? null, createdAt: clock.now() };
        await repo.insertRecord(tx, row);
        await repo.updateZone(tx, zoneId, { serial: nextSerial(locked.serial, shanghaiDate(clock.now())), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'dns.recordAdd', entity: 'dns_zone', entityId: zoneId, customerId: zone.customerId, after: row });
        return row;
      });
    },

    async deleteRecord(scope: Scope, recordId: string) {
      const record = await repo.findRecord(scope, recordId);
      if (!record) throw new AppError('NOT_FOUND', { entity: 'dns_record' });
      mayEdit(scope, record.customerId);
      await repo.db.transaction(async (tx) => {
        const locked = (await repo.lockZone(tx, record.zoneId))!;
        await repo.deleteRecord(tx, recordId);
        await repo.updateZone(tx, record.zoneId, { serial: nextSerial(locked.serial, shanghaiDate(clock.now())), updatedAt: clock.now() });
        await audit.record(tx, scope, { action: 'dns.recordDelete', entity: 'dns_zone', entityId: record.zoneId, customerId: record.customerId, before: record });
      });
    },

    async zoneFile(scope: Scope, zoneId: string): Promise<string> {
      requireReader(scope);
      const zone = await loadZone(scope, zoneId);
      return renderZoneFile(zone, await repo.records(zoneId), { nameservers: deps.nameservers, hostmaster: deps.hostmaster });
    },

    // ── reverse DNS (PTR) for the provider's pools ─────────────────────
    /** The provider's reverse zones, derived from the pools, with their serials and PTR counts. */
    async reverseZones(scope: Scope) {
      requireStaff(scope);
      const origins = await poolOrigins(scope);
      const rows = new Map((await repo.reverseZoneRows()).map((r) => [r.origin, r]));
      return [...origins.entries()]
        .map(([origin, pools]) => ({ origin, pools, serial: rows.get(origin)?.serial ?? unseenSerial(), records: rows.get(origin)?.records ?? 0 }))
        .sort((a, b) => a.origin.localeCompare(b.origin));
    },

    async reverseZoneFile(scope: Scope, origin: string): Promise<string> {
      requireStaff(scope);
      if (!(await poolOrigins(scope)).has(origin)) throw new AppError('NOT_FOUND', { entity: 'dns_zone' });
      const row = await repo.findReverseZone(origin);
      const ptrs = await repo.ptrsOfZone(origin);
      const serial = row?.serial ?? unseenSerial();
      return renderZoneFile(
        { domain: origin, serial, defaultTtl: 3600 },
        ptrs.map((p) => ({ name: p.name, type: 'PTR' as const, value: p.hostname, ttl: p.ttl, priority: null })),
        { nameservers: deps.nameservers, hostmaster: deps.hostmaster },
      );
    },

    /** PTR records the scope may see (a customer: those of its own addresses). */
    async ptrRecords(scope: Scope, customerId?: string) {
      requireReader(scope);
      return repo.listPtrs(scope, customerId);
    },

    /**
     * The host name a live address of the customer points back to. The name must be a valid
     * domain; the record sits in the pool's reverse zone, whose serial moves on every change.
     */
    async setPtr(scope: Scope, allocationId: string, input: { hostname: string; ttl?: number | null }, outer?: Executor): Promise<PtrRow> {
      const allocation = await ipam().liveAllocation(scope, allocationId, outer);
      if (!allocation) throw new AppError('NOT_FOUND', { entity: 'ip_allocation' });
      mayEdit(scope, allocation.customerId);
      const d = validateDomain(input.hostname.trim().replace(/\.$/, ''));
      if (!d.valid) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'hostname', key: d.reason }]);
      const { origin, name } = reverseRecord(parseCidr(allocation.prefix) as Cidr, parseIp(allocation.address)!);
      const now = clock.now();
      return (outer ?? repo.db).transaction(async (tx) => {
        await bumpReverse(tx, origin);
        const before = await repo.findPtrOfAllocation(allocationId, tx);
        const row: PtrRow = { id: before?.id ?? ids.uuid(), allocationId, customerId: allocation.customerId, origin, name, hostname: `${d.normalized}.`, ttl: input.ttl ?? null, createdAt: before?.createdAt ?? now, updatedAt: now };
        await repo.upsertPtr(tx, row);
        await audit.record(tx, scope, { action: 'dns.ptrSet', entity: 'ip_allocation', entityId: allocationId, customerId: allocation.customerId, before: before ?? null, after: { ...row, address: allocation.address } });
        return row;
      });
    },

    async deletePtr(scope: Scope, allocationId: string) {
      const allocation = await ipam().liveAllocation(scope, allocationId);
      if (!allocation) throw new AppError('NOT_FOUND', { entity: 'ip_allocation' });
      mayEdit(scope, allocation.customerId);
      await repo.db.transaction(async (tx) => {
        const [gone] = await repo.deletePtr(tx, allocationId);
        if (!gone) throw new AppError('NOT_FOUND', { entity: 'dns_record' });
        await bumpReverse(tx, gone.origin);
        await audit.record(tx, scope, { action: 'dns.ptrDelete', entity: 'ip_allocation', entityId: allocationId, customerId: gone.customerId, before: gone });
      });
    },

    /** IPAM's release hook: a released address no longer points anywhere. */
    async dropPtr(tx: Executor, scope: Scope, allocationId: string) {
      const [gone] = await repo.deletePtr(tx, allocationId);
      if (!gone) return;
      await bumpReverse(tx, gone.origin);
      await audit.record(tx, scope, { action: 'dns.ptrDelete', entity: 'ip_allocation', entityId: allocationId, customerId: gone.customerId, before: gone });
    },
  };
}

export type DnsService = ReturnType<typeof makeDnsService>;
