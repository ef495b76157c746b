import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { csvObjects } from '../../core/csv.js';
import type { Locale } from '../../core/i18n/index.js';
import { requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import type { Db, Executor } from '../../db/client.js';
import { cidrContains, parseCidr, parseIp, type Cidr } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { DnsService } from '../dns/dns.service.js';
import type { FloorService } from '../facility/floor.service.js';
import { RACKING_FACES, type Face, type ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';

/**
 * NetBox CSV in and out (dcim.site, dcim.rack, dcim.device, ipam.ipaddress), in NetBox's own
 * bulk-import column names. NetBox is what operators migrate from; rackpact imports through its
 * own services, so every rule (inspection before racking, EXCLUDE on U ranges, never one address
 * twice) holds for imported rows too. One transaction; each row in a savepoint of its own, so a
 * bad row is rolled back alone and named in the report. A dry run is the same run, rolled back.
 */
export const NETBOX_FILES = {
  sites: { file: 'sites.csv', columns: ['name', 'slug', 'status', 'facility', 'physical_address'], required: ['name', 'slug', 'physical_address'] },
  racks: { file: 'racks.csv', columns: ['site', 'location', 'name', 'status', 'u_height'], required: ['site', 'name'] },
  // NetBox takes a device's height from its device type; u_height is rackpact's addition (default 1)
  devices: {
    file: 'devices.csv',
    columns: ['name', 'device_role', 'manufacturer', 'device_type', 'serial', 'site', 'rack', 'position', 'face', 'status', 'tenant', 'u_height'],
    required: ['name', 'device_role', 'manufacturer', 'device_type', 'serial', 'tenant'],
  },
  ipAddresses: { file: 'ip-addresses.csv', columns: ['address', 'status', 'dns_name', 'tenant', 'device'], required: ['address', 'device'] },
} as const;
export type NetboxKind = keyof typeof NETBOX_FILES;
export const NETBOX_KINDS = Object.keys(NETBOX_FILES) as NetboxKind[];

export interface RowReport {
  line: number;
  status: 'ok' | 'error';
  /** what the row is about: the site / rack / device name or the address */
  ref: string;
  code?: string;
  reason?: string;
  fields?: { path: string; message: string }[];
}
export interface ImportReport {
  dryRun: boolean;
  files: { kind: NetboxKind; file: string; rows: RowReport[] }[];
  ok: number;
  rejected: number;
}

const SITE_STATUSES = ['active', 'planned', 'staging'];
const RACK_STATUS: Record<string, 'active' | 'reserved' | 'retired'> = { active: 'active', planned: 'reserved', reserved: 'reserved', deprecated: 'retired', available: 'active' };
const RACK_STATUS_OUT: Record<string, string> = { active: 'active', reserved: 'reserved', retired: 'deprecated' };
/** NetBox device status → racked (in the rack now) or expected (not yet on site) */
const DEVICE_RACKED = ['active', 'offline'];
const DEVICE_EXPECTED = ['planned', 'staged', 'inventory'];
const DEFAULT_LOCATION = 'default';
const IMPORT_INSPECTION = 'NetBox 导入：上架前已在用的设备 — imported from NetBox, in the rack before rackpact';

class RowError extends Error {
  constructor(readonly fields: FieldError[]) {
    super('row');
  }
}
const invalid = (path: string, key = 'field.invalid', params?: Record<string, unknown>): never => {
  throw new AppError('VALIDATION_FAILED', {}, [{ path, key, params }]);
};
class DryRunRollback extends Error {}
const isFace = (value: string): value is Face => (RACKING_FACES as readonly string[]).includes(value);

export function makeNetboxService(deps: {
  db: Db;
  floor: Pick<FloorService, 'createSite' | 'createRoom' | 'createCabinet' | 'siteByName' | 'roomByName' | 'cabinetsInSite' | 'sites' | 'cabinetInventory'>;
  servers: Pick<ServersService, 'createServer' | 'inspect' | 'rack' | 'serverByName' | 'serverInventory'>;
  ipam: IpamService;
  dns: DnsService;
  customers: Pick<CustomersService, 'list'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  /** How the API would answer this error (status, code, localized message, fields) — injected by the
   *  composition root so the service does not depend on the HTTP layer (src/http/errors.ts). */
  describeError: (err: unknown, locale: Locale) => { status: number; body: { error: { code: string; message: string; fields: { path: string; message: string }[] } } };
}) {
  const { floor, servers, ipam, dns, audit, describeError } = deps;

  /** Tenants by exact name (customers are not created by an import: they need their KYC first). */
  async function tenantIds(scope: Scope, names: Set<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const name of names) {
      const { items } = await deps.customers.list(scope, { q: name, page: 1, pageSize: 50 });
      const hit = items.find((c) => c.name === name);
      if (hit) out.set(name, hit.id);
    }
    return out;
  }

  async function siteOf(scope: Scope, name: string, tx: Executor) {
    const site = await floor.siteByName(scope, name, tx);
    if (!site) invalid('site', 'netbox.unknownSite', { name });
    return site!;
  }

  /** What every row of an import may refer to, read once before the rows run. */
  interface ImportContext {
    scope: Scope;
    /** tenant name → customer id */
    tenants: Map<string, string>;
    pools: { id: string; cidr: Cidr | { error: string } }[];
  }
  type Values = Record<string, string>;

  /** dcim.site → a site; NetBox's slug becomes the site code. */
  async function importSite({ scope }: ImportContext, v: Values, tx: Executor): Promise<string> {
    const status = (v.status || 'active').toLowerCase();
    if (!SITE_STATUSES.includes(status)) invalid('status', 'netbox.status', { value: v.status });
    const code = v.slug.toUpperCase();
    if (!/^[A-Z0-9-]{2,20}$/.test(code)) invalid('slug', 'netbox.slug');
    await floor.createSite(scope, { code, name: v.name, address: v.physical_address, accessPoint: v.facility || v.name }, tx);
    return v.name;
  }

  /** dcim.rack → a cabinet, in the room named by its location (created on first use). */
  async function importRack({ scope }: ImportContext, v: Values, tx: Executor): Promise<string> {
    const site = await siteOf(scope, v.site, tx);
    const status = RACK_STATUS[(v.status || 'active').toLowerCase()];
    if (!status) invalid('status', 'netbox.status', { value: v.status });
    const heightU = v.u_height ? Number(v.u_height) : 42;
    if (!Number.isInteger(heightU) || heightU < 1 || heightU > 60) invalid('u_height');
    const location = v.location || DEFAULT_LOCATION;
    const room = (await floor.roomByName(scope, site.id, location, tx)) ?? (await floor.createRoom(scope, { siteId: site.id, name: location }, tx));
    await floor.createCabinet(scope, { roomId: room.id, code: v.name, heightU, status }, tx);
    return `${v.site} / ${v.name}`;
  }

  /** Where a device in the rack sits: its site's one cabinet of that name, position and face. */
  async function devicePlacement({ scope }: ImportContext, v: Values, tx: Executor): Promise<{ cabinetId: string; lowestU: number; face: Face }> {
    if (!v.site || !v.rack || !v.position) invalid(!v.site ? 'site' : !v.rack ? 'rack' : 'position', 'netbox.placementRequired');
    const site = await siteOf(scope, v.site, tx);
    const cabinets = await floor.cabinetsInSite(scope, site.id, v.rack, tx);
    if (cabinets.length !== 1) invalid('rack', cabinets.length ? 'netbox.ambiguousRack' : 'netbox.unknownRack', { name: v.rack });
    const lowestU = Number(v.position);
    if (!Number.isInteger(lowestU) || lowestU < 1) invalid('position');
    const face = (v.face || 'front').toLowerCase();
    if (!isFace(face)) return invalid('face');
    return { cabinetId: cabinets[0].cabinet.id, lowestU, face };
  }

  /** dcim.device (servers only) → a server; one in the rack is inspected and racked as it already is. */
  async function importDevice(ctx: ImportContext, v: Values, tx: Executor): Promise<string> {
    const { scope } = ctx;
    if (v.device_role.toLowerCase() !== 'server') invalid('device_role', 'netbox.notServer', { value: v.device_role });
    const customerId = ctx.tenants.get(v.tenant) ?? invalid('tenant', 'netbox.unknownTenant', { name: v.tenant });
    const status = (v.status || 'active').toLowerCase();
    const racked = DEVICE_RACKED.includes(status);
    if (!racked && !DEVICE_EXPECTED.includes(status)) invalid('status', 'netbox.status', { value: v.status });
    const heightU = v.u_height ? Number(v.u_height) : 1;
    if (!Number.isInteger(heightU) || heightU < 1 || heightU > 10) invalid('u_height');
    const placement = racked ? await devicePlacement(ctx, v, tx) : undefined;
    const server = await servers.createServer(scope, { customerId, brand: v.manufacturer, model: v.device_type, serialNumber: v.serial, heightU, name: v.name }, tx);
    if (placement) {
      await servers.inspect(scope, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true, notes: IMPORT_INSPECTION }, tx);
      await servers.rack(scope, server.id, placement, tx);
    }
    return v.name;
  }

  /** ipam.ipaddress → an allocation to the named device from the pool holding it, with its PTR. */
  async function importIpAddress({ scope, tenants, pools }: ImportContext, v: Values, tx: Executor): Promise<string> {
    const status = (v.status || 'active').toLowerCase();
    if (status !== 'active') invalid('status', 'netbox.status', { value: v.status });
    const ip = parseIp(v.address.split('/')[0]);
    if (!ip) invalid('address', 'IP_FORMAT');
    const pool = pools.find((p) => !('error' in p.cidr) && cidrContains(p.cidr, ip!));
    if (!pool) invalid('address', 'netbox.noPool');
    const server = await servers.serverByName(scope, v.device, tx);
    if (!server) invalid('device', 'netbox.unknownDevice', { name: v.device });
    if (v.tenant && tenants.get(v.tenant) !== server!.customerId) invalid('tenant', 'netbox.tenantMismatch');
    const allocation = await ipam.allocate(scope, { poolId: pool!.id, serverId: server!.id, address: v.address.split('/')[0] }, tx);
    if (v.dns_name) await dns.setPtr(scope, allocation.id, { hostname: v.dns_name }, tx);
    return v.address;
  }

  /** Each kind of file, row by row; the answer names what the row was about. */
  const IMPORTERS: Record<NetboxKind, (ctx: ImportContext, v: Values, tx: Executor) => Promise<string>> = {
    sites: importSite,
    racks: importRack,
    devices: importDevice,
    ipAddresses: importIpAddress,
  };

  type ParsedFile = { kind: NetboxKind } & ReturnType<typeof csvObjects>;

  /** One row in a savepoint of its own: a refused row leaves nothing behind, is reported, and the others go on. */
  async function importRow(ctx: ImportContext, file: ParsedFile, r: ParsedFile['rows'][number], tx: Executor, locale: Locale): Promise<RowReport> {
    const spec = NETBOX_FILES[file.kind];
    const ref = r.values[spec.columns[0]] || r.values.name || '';
    try {
      const missing = spec.required.filter((c) => !file.header.includes(c));
      if (missing.length) throw new RowError(missing.map((c) => ({ path: c, key: 'netbox.missingColumn' })));
      if (r.extra) throw new RowError([{ path: 'line', key: 'netbox.extraCells' }]);
      const empty = spec.required.filter((c) => !r.values[c]);
      if (empty.length) throw new RowError(empty.map((c) => ({ path: c, key: 'field.required' })));
      const label = await tx.transaction((sp) => IMPORTERS[file.kind](ctx, r.values, sp));
      return { line: r.line, status: 'ok', ref: label };
    } catch (err) {
      const e = err instanceof RowError ? new AppError('VALIDATION_FAILED', {}, err.fields) : err;
      const { status, body } = describeError(e, locale);
      if (status >= 500) throw err; // a bug, not a bad row: the whole import stops
      return { line: r.line, status: 'error', ref, code: body.error.code, reason: body.error.message, fields: body.error.fields };
    }
  }

  /** The files in dependency order (sites, racks, devices, addresses), then one audit record of the whole import. */
  async function importFiles(ctx: ImportContext, parsed: ParsedFile[], tx: Executor, report: ImportReport, locale: Locale) {
    for (const file of parsed) {
      const rows: RowReport[] = [];
      for (const r of file.rows) rows.push(await importRow(ctx, file, r, tx, locale));
      report.files.push({ kind: file.kind, file: NETBOX_FILES[file.kind].file, rows });
      report.ok += rows.filter((x) => x.status === 'ok').length;
      report.rejected += rows.filter((x) => x.status === 'error').length;
    }
    const rejectedRows = report.files.flatMap((f) => f.rows.filter((r) => r.status === 'error').map((r) => `${f.file}:${r.line}`));
    await audit.record(tx, ctx.scope, { action: 'netbox.import', entity: 'netbox_import', entityId: null, after: { ok: report.ok, rejected: report.rejected, rejectedRows } });
  }

  return {
    async importCsv(scope: Scope, files: Partial<Record<NetboxKind, string>>, opts: { dryRun: boolean; locale: Locale }): Promise<ImportReport> {
      requirePermission(scope, 'netbox.import');
      const parsed: ParsedFile[] = NETBOX_KINDS.filter((k) => files[k] !== undefined).map((kind) => ({ kind, ...csvObjects(files[kind]!) }));
      const tenantNames = new Set(parsed.filter((p) => p.kind === 'devices' || p.kind === 'ipAddresses').flatMap((p) => p.rows.map((r) => r.values.tenant).filter(Boolean)));
      const ctx: ImportContext = {
        scope,
        tenants: await tenantIds(scope, tenantNames),
        pools: (await ipam.prefixes(scope)).map((p) => ({ id: p.id, cidr: parseCidr(p.prefix) })),
      };
      const report: ImportReport = { dryRun: opts.dryRun, files: [], ok: 0, rejected: 0 };
      try {
        // one transaction for the whole import; a dry run is the same run, rolled back at the end
        await deps.db.transaction(async (tx) => {
          await importFiles(ctx, parsed, tx, report, opts.locale);
          if (opts.dryRun) throw new DryRunRollback();
        });
      } catch (err) {
        if (!(err instanceof DryRunRollback)) throw err;
      }
      return report;
    },

    /** The inventory in NetBox's columns, so it can go back into NetBox (or round-trip through rackpact). */
    async exportCsv(scope: Scope, kind: NetboxKind): Promise<{ columns: readonly string[]; rows: string[][] }> {
      requireStaff(scope);
      const columns = NETBOX_FILES[kind].columns;
      switch (kind) {
        case 'sites':
          return { columns, rows: (await floor.sites(scope)).map((s) => [s.name, s.code.toLowerCase(), 'active', s.accessPoint, s.address]) };
        case 'racks':
          return { columns, rows: (await floor.cabinetInventory(scope)).map((c) => [c.siteName, c.roomName === DEFAULT_LOCATION ? '' : c.roomName, c.cabinet.code, RACK_STATUS_OUT[c.cabinet.status], String(c.cabinet.heightU)]) };
        case 'devices': {
          const rows = (await servers.serverInventory(scope, {}))
            .filter((s) => s.server.status !== 'removed')
            .map((s) => {
              const racked = s.server.status !== 'expected';
              const face = s.faces.length === 2 ? 'full' : (s.faces[0] ?? '');
              return [s.server.name ?? '', 'server', s.server.brand, s.server.model, s.server.serialNumber, s.siteName ?? '', s.cabinetCode ?? '', s.lowest === null ? '' : String(s.lowest), face, racked ? (s.server.status === 'suspended' ? 'offline' : 'active') : 'planned', s.customerName, String(s.server.heightU)];
            });
          return { columns, rows };
        }
        case 'ipAddresses': {
          const byServer = new Map((await servers.serverInventory(scope, {})).map((s) => [s.server.id, s]));
          const ptrs = new Map((await dns.ptrRecords(scope)).map((p) => [p.allocationId, p.hostname.replace(/\.$/, '')]));
          const rows = (await ipam.allocations(scope, { activeOnly: true })).map((a) => {
            const server = a.serverId ? byServer.get(a.serverId) : undefined;
            return [`${a.address}/${a.prefix?.split('/')[1] ?? ''}`, 'active', ptrs.get(a.id) ?? '', server?.customerName ?? '', server?.server.name ?? ''];
          });
          return { columns, rows };
        }
      }
    },
  };
}

export type NetboxService = ReturnType<typeof makeNetboxService>;
