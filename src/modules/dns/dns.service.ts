import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requireReader, requireStaff, type Scope } from '../../core/scope.js';
import { parseIp, shanghaiDate, validateDomain } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DnsRepository, RecordRow, ZoneRow } from './dns.repository.js';
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
    if (!scope.roles.some((r) => r === 'owner' || r === 'technical')) throw new AppError('FORBIDDEN');
    return;
  }
  requireStaff(scope, 'noc', 'sales');
}

/** Checks a record's data by type and returns it in canonical form. */
function checkRecord(input: RecordInput): RecordInput {
  const fields: FieldError[] = [];
  const name = input.name.trim().toLowerCase().replace(/\.$/, '') || '@';
  let value = input.value.trim();
  const host = (v: string) => {
    const d = validateDomain(v.replace(/\.$/, ''));
    if (!d.valid) fields.push({ path: 'value', key: d.reason });
    return d.valid ? `${d.normalized}.` : v;
  };
  switch (input.type) {
    case 'A':
    case 'AAAA': {
      const ip = parseIp(value);
      if (!ip || ip.version !== (input.type === 'A' ? 4 : 6)) fields.push({ path: 'value', key: 'IP_FORMAT' });
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
}) {
  const { repo, audit, clock, ids } = deps;

  async function loadZone(scope: Scope, id: string): Promise<ZoneRow> {
    const zone = await repo.findZone(scope, id);
    if (!zone) throw new AppError('NOT_FOUND', { entity: 'dns_zone' });
    return zone;
  }

  return {
    async zones(scope: Scope, customerId?: string) {
      requireReader(scope);
      return repo.listZones(scope, customerId);
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
      const checked = checkRecord(input);
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
  };
}

export type DnsService = ReturnType<typeof makeDnsService>;
