import type { Clock } from '../../core/clock.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { csvObjects } from '../../core/csv.js';
import { t, type Locale } from '../../core/i18n/index.js';
import { requirePermission, requireStaff, type Scope } from '../../core/scope.js';
import type { Db, Executor } from '../../db/client.js';
import { cidrContains, formatIp, parseCidr, parseIp, type Cidr } from '../../rules/index.js';
import type { AuditService } from '../audit/audit.service.js';
import type { CustomersService } from '../customers/customers.service.js';
import type { DnsService } from '../dns/dns.service.js';
import type { FloorService } from '../facility/floor.service.js';
import type { NetworkService } from '../facility/network.service.js';
import { PLACEHOLDER_MARK } from '../facility/placeholders.js';
import { RACKING_FACES, type Face, type ServersService } from '../facility/servers.service.js';
import type { IpamService } from '../ipam/ipam.service.js';
import { addressOf, choice, columnNames, heightOf, looksLikeGateway, NETBOX_FILES, NETBOX_KINDS, positionOf, REQUIRED_COLUMNS, siteCode, suggestRole, type NetboxKind } from './netbox.columns.js';

export { NETBOX_FILES, NETBOX_KINDS, type NetboxKind } from './netbox.columns.js';

/**
 * NetBox CSV in (dcim.site, dcim.rack, ipam.prefix, dcim.device, dcim.interface, ipam.ipaddress) in
 * the column names of NetBox 3.x and 4.x, imports and exports alike (netbox.columns.ts), and out in
 * NetBox's bulk-import names. rackpact imports through its own services, so every rule (inspection
 * before racking, EXCLUDE on U ranges, never one address twice) holds for imported rows too.
 *
 * One transaction; each row in a savepoint of its own, so a refused row is rolled back alone and
 * named in the report. A preview is the same run, rolled back: it says per row what would be
 * created, what is already there (unchanged), what is left out on purpose (ignored) and what is
 * refused and why, and lists the NetBox roles and tenants found with how they map (to a server,
 * a switch or nothing; to a customer or none) — the operator edits that mapping and runs again.
 */
export const EXPORT_COLUMNS = {
  sites: ['name', 'slug', 'status', 'facility', 'physical_address'],
  racks: ['site', 'location', 'name', 'status', 'u_height'],
  // NetBox takes a device's height from its device type; u_height is rackpact's addition (default 1)
  devices: ['name', 'device_role', 'manufacturer', 'device_type', 'serial', 'site', 'rack', 'position', 'face', 'status', 'tenant', 'u_height'],
  ipAddresses: ['address', 'status', 'dns_name', 'tenant', 'device'],
} as const;
export type ExportKind = keyof typeof EXPORT_COLUMNS;

export const ROW_STATUSES = ['create', 'unchanged', 'ignored', 'refused'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
export const ROLE_ACTIONS = ['server', 'switch', 'ignore'] as const;
export type RoleAction = (typeof ROLE_ACTIONS)[number];

export interface RowReport {
  line: number;
  status: RowStatus;
  /** what the row is about: the site / rack / device name, the prefix or the address */
  ref: string;
  /** what was (or would be) done, in words, when it is more than the status says */
  note?: string;
  code?: string;
  reason?: string;
  fields?: { path: string; message: string }[];
}
export type Counts = Record<RowStatus, number>;
export interface ImportReport {
  dryRun: boolean;
  counts: Counts;
  files: { kind: NetboxKind; file: string; counts: Counts; rows: RowReport[] }[];
  /** every device role in the devices file, with the devices that have it and what they become */
  roles: { role: string; devices: number; action: RoleAction }[];
  /** every tenant of a device or address, with the customer it maps to (null: none) */
  tenants: { tenant: string; rows: number; customerId: string | null; customerName: string | null }[];
}
/** Issue 20 §6: rows done of the file being imported (the CLI's progress bar). */
export type ImportProgress = (e: { step: NetboxKind; done: number; total: number }) => void;

export interface ImportMapping {
  roles?: { role: string; action: RoleAction }[];
  tenants?: { tenant: string; customerId: string | null }[];
}

const SITE_STATUSES = ['active', 'planned', 'staging'];
const SITE_GONE = ['decommissioning', 'retired'];
const RACK_STATUS: Record<string, 'active' | 'reserved' | 'retired'> = { active: 'active', planned: 'reserved', reserved: 'reserved', deprecated: 'retired', available: 'active' };
const RACK_STATUS_OUT: Record<string, string> = { active: 'active', reserved: 'reserved', retired: 'deprecated' };
/** NetBox device status → racked (in the rack now), expected (not yet on site), or left out */
const DEVICE_RACKED = ['active', 'offline', 'failed'];
const DEVICE_EXPECTED = ['planned', 'staged', 'inventory'];
const DEVICE_GONE = ['decommissioning'];
const PREFIX_POOL = ['active', 'reserved'];
const IP_HELD = ['active', 'dhcp', 'slaac'];
const IP_RESERVED = ['reserved'];
const DEFAULT_LOCATION = 'default';
const IMPORT_INSPECTION = 'NetBox 导入：上架前已在用的设备 — imported from NetBox, in the rack before rackpact';
const NOT_A_PORT = /virtual|lag|link aggregation|bridge|loopback/i;

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
const zero = (): Counts => ({ create: 0, unchanged: 0, ignored: 0, refused: 0 });

type Values = Record<string, string>;
interface Outcome {
  status: Exclude<RowStatus, 'refused'>;
  ref: string;
  note?: { key: string; params?: Record<string, unknown> };
}
/** A device of the devices file, as this run left it (others are looked up by name). */
type DeviceEntry = { kind: 'server'; id: string; customerId: string; name: string } | { kind: 'switch' | 'ignored'; name: string; created?: boolean } | { kind: 'refused'; name: string };
interface PoolEntry {
  id: string;
  prefix: string;
  cidr: Cidr;
  gateway: string | null;
  created: boolean;
}
type ParsedFile = { kind: NetboxKind; header: string[]; rows: { line: number; values: Values; extra: boolean }[] };

/** NetBox's name for a device: its name, or (unnamed) "Manufacturer Model (asset tag or id)", as an IP's Parent column shows it. */
function deviceRefs(v: Values): string[] {
  const refs = [v.name];
  const type = `${v.manufacturer ?? ''} ${v.device_type ?? ''}`.trim();
  if (v.asset_tag) refs.push(`${type} (${v.asset_tag})`);
  if (v.id) refs.push(`${type} (${v.id})`);
  return refs.filter(Boolean);
}

export function makeNetboxService(deps: {
  db: Db;
  floor: Pick<FloorService, 'createSite' | 'createRoom' | 'createCabinet' | 'siteByName' | 'roomByName' | 'cabinetsInSite' | 'sites' | 'cabinetInventory'>;
  servers: Pick<ServersService, 'createServer' | 'inspect' | 'rack' | 'serverByName' | 'serverInventory'>;
  network: Pick<NetworkService, 'createSwitch' | 'switchIdByLabel'>;
  ipam: Pick<IpamService, 'createPool' | 'pools' | 'allocate' | 'reserveAddress' | 'serverOfAddress' | 'allocations'>;
  dns: Pick<DnsService, 'setPtr' | 'ptrRecords'>;
  customers: Pick<CustomersService, 'list' | 'get'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  /** How the API would answer this error (status, code, localized message, fields) — injected by the
   *  composition root so the service does not depend on the HTTP layer (src/http/errors.ts). */
  describeError: (err: unknown, locale: Locale) => { status: number; body: { error: { code: string; message: string; fields: { path: string; message: string }[] } } };
}) {
  const { floor, servers, network, ipam, dns, audit, describeError } = deps;

  /** What every row of an import may refer to: read before the rows run, then kept up to date by them. */
  interface ImportContext {
    scope: Scope;
    locale: Locale;
    roles: Map<string, RoleAction>;
    /** tenant name → customer id (null: mapped to none) */
    tenants: Map<string, string | null>;
    pools: PoolEntry[];
    /** the devices file's devices by every name NetBox gives them */
    devices: Map<string, DeviceEntry>;
    /** address → device name, from the devices file's primary IP columns */
    primaryIps: Map<string, string>;
    /** device name → its interfaces (the interfaces file) */
    interfaces: Map<string, Values[]>;
    /** gateway candidates from the addresses file (address → true) */
    gateways: string[];
  }

  async function siteOf(scope: Scope, name: string, tx: Executor) {
    const site = await floor.siteByName(scope, name, tx);
    if (!site) invalid('site', 'netbox.unknownSite', { name });
    return site!;
  }

  /** The room a rack or switch stands in: its location, or the site's default room (created on first use). */
  async function roomOf(scope: Scope, siteId: string, location: string, tx: Executor) {
    const name = location || DEFAULT_LOCATION;
    return (await floor.roomByName(scope, siteId, name, tx)) ?? (await floor.createRoom(scope, { siteId, name }, tx));
  }

  /** dcim.site → a site; NetBox's slug (or the name) becomes the site code; the address may come later. */
  async function importSite({ scope }: ImportContext, v: Values, tx: Executor, line: number): Promise<Outcome> {
    const status = choice(v.status) || 'active';
    if (SITE_GONE.includes(status)) return { status: 'ignored', ref: v.name, note: { key: 'netbox.note.siteGone', params: { status: v.status } } };
    if (!SITE_STATUSES.includes(status)) invalid('status', 'netbox.status', { value: v.status });
    if (await floor.siteByName(scope, v.name, tx)) return { status: 'unchanged', ref: v.name };
    if (v.slug && !siteCode(v.slug)) invalid('slug', 'netbox.slug');
    const code = siteCode(v.slug || v.name) ?? `NB-${v.id || line}`;
    await floor.createSite(scope, { code, name: v.name, address: v.physical_address ?? '', accessPoint: v.facility || v.name }, tx);
    return { status: 'create', ref: v.name, note: v.physical_address ? undefined : { key: 'netbox.note.noAddress' } };
  }

  /** dcim.rack → a cabinet, in the room named by its location. */
  async function importRack({ scope }: ImportContext, v: Values, tx: Executor): Promise<Outcome> {
    const ref = `${v.site} / ${v.name}`;
    const site = await siteOf(scope, v.site, tx);
    const status = RACK_STATUS[choice(v.status) || 'active'];
    if (!status) invalid('status', 'netbox.status', { value: v.status });
    const heightU = v.u_height ? heightOf(v.u_height) : 42;
    if (!Number.isInteger(heightU) || heightU < 1 || heightU > 60) invalid('u_height');
    if ((await floor.cabinetsInSite(scope, site.id, v.name, tx)).length) return { status: 'unchanged', ref };
    const room = await roomOf(scope, site.id, v.location ?? '', tx);
    await floor.createCabinet(scope, { roomId: room.id, code: v.name, heightU, status }, tx);
    return { status: 'create', ref };
  }

  /** ipam.prefix → an IP pool; its gateway is a first-hop address of the addresses file inside it. */
  async function importPrefix(ctx: ImportContext, v: Values, tx: Executor): Promise<Outcome> {
    const { scope } = ctx;
    const status = choice(v.status) || 'active';
    if (status === 'container') return { status: 'ignored', ref: v.prefix, note: { key: 'netbox.note.container' } };
    if (!PREFIX_POOL.includes(status)) return { status: 'ignored', ref: v.prefix, note: { key: 'netbox.note.statusIgnored', params: { status: v.status } } };
    const cidr = parseCidr(v.prefix);
    if ('error' in cidr) return invalid('prefix', cidr.error);
    const prefix = `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefix}`;
    if (ctx.pools.some((p) => p.prefix === prefix)) return { status: 'unchanged', ref: prefix };
    const siteName = v.site || (!v.scope_type || /site/i.test(v.scope_type) ? v.scope : '');
    const site = siteName ? await floor.siteByName(scope, siteName, tx) : undefined;
    const vlanMatch = /^(\d+)$|\((\d+)\)$/.exec(v.vlan ?? '');
    const vlan = vlanMatch ? Number(vlanMatch[1] ?? vlanMatch[2]) : null;
    const gateway = ctx.gateways.find((g) => cidrContains(cidr, parseIp(g)!)) ?? null;
    const pool = await ipam.createPool(scope, { name: v.description || prefix, prefix, gateway, vlan: vlan !== null && vlan >= 1 && vlan <= 4094 ? vlan : null, siteId: site?.id ?? null }, tx);
    ctx.pools.push({ id: pool.id, prefix: pool.prefix, cidr, gateway: pool.gateway, created: true });
    return { status: 'create', ref: prefix, note: gateway ? { key: 'netbox.note.gateway', params: { gateway } } : undefined };
  }

  /** Where a device in the rack sits: its site's one cabinet of that name, position and face. */
  async function devicePlacement({ scope }: ImportContext, v: Values, tx: Executor): Promise<{ cabinetId: string; lowestU: number; face: Face }> {
    const site = await siteOf(scope, v.site, tx);
    const cabinets = await floor.cabinetsInSite(scope, site.id, v.rack, tx);
    if (cabinets.length !== 1) invalid('rack', cabinets.length ? 'netbox.ambiguousRack' : 'netbox.unknownRack', { name: v.rack });
    const lowestU = positionOf(v.position);
    if (!Number.isInteger(lowestU) || lowestU < 1) invalid('position', Number.isFinite(lowestU) ? 'netbox.halfUnit' : 'field.invalid');
    const face = choice(v.face) || 'front';
    if (!isFace(face)) return invalid('face');
    return { cabinetId: cabinets[0].cabinet.id, lowestU, face };
  }

  /** A device name for one NetBox gave none: stable across runs, so a re-run finds it again. */
  function placeholderName(v: Values, line: number): string {
    const where = v.rack && v.position ? `${v.site}-${v.rack}-U${v.position}` : '';
    const basis = v.id ? `netbox-${v.id}` : v.asset_tag || where || (v.serial ? `${v.device_type}-${v.serial}` : `line-${line}`);
    return `${PLACEHOLDER_MARK}${basis}`.replace(/\s+/g, '-');
  }

  /** dcim.device → a server, a switch, or nothing, by the mapping of its role. */
  async function importDevice(ctx: ImportContext, v: Values, tx: Executor, line: number): Promise<Outcome> {
    const action = ctx.roles.get(v.role) ?? 'ignore';
    const refs = deviceRefs(v);
    const name = v.name || placeholderName(v, line);
    const remember = (entry: DeviceEntry) => refs.concat(name).forEach((r) => ctx.devices.set(r, entry));
    remember({ kind: 'refused', name });
    if (action === 'ignore') {
      remember({ kind: 'ignored', name });
      return { status: 'ignored', ref: name, note: { key: 'netbox.note.roleIgnored', params: { role: v.role } } };
    }
    const status = choice(v.status) || 'active';
    if (DEVICE_GONE.includes(status)) {
      remember({ kind: 'ignored', name });
      return { status: 'ignored', ref: name, note: { key: 'netbox.note.statusIgnored', params: { status: v.status } } };
    }
    const racked = DEVICE_RACKED.includes(status);
    if (!racked && !DEVICE_EXPECTED.includes(status)) invalid('status', 'netbox.status', { value: v.status });
    if (action === 'switch') {
      const outcome = await importSwitch(ctx, v, name, tx);
      remember({ kind: 'switch', name, created: outcome.status === 'create' });
      return outcome;
    }

    const { scope } = ctx;
    const existing = await servers.serverByName(scope, name, tx);
    if (existing) {
      remember({ kind: 'server', id: existing.id, customerId: existing.customerId, name });
      return { status: 'unchanged', ref: name };
    }
    if (!v.tenant) invalid('tenant', 'netbox.noTenant');
    const customerId = ctx.tenants.get(v.tenant) ?? invalid('tenant', 'netbox.unmappedTenant', { name: v.tenant });
    const heightU = v.u_height ? heightOf(v.u_height) : 1;
    if (!Number.isInteger(heightU) || heightU < 1 || heightU > 10) invalid('u_height');
    const placed = racked && v.site && v.rack && v.position;
    const placement = placed ? await devicePlacement(ctx, v, tx) : undefined;
    const serial = v.serial || `${PLACEHOLDER_MARK}${name.replace(PLACEHOLDER_MARK, '')}`;
    const server = await servers.createServer(scope, { customerId, brand: v.manufacturer || '—', model: v.device_type || '—', serialNumber: serial, heightU, name }, tx);
    if (placement) {
      await servers.inspect(scope, server.id, { powerSupplies: true, rails: true, interfaces: true, labelling: true, notes: IMPORT_INSPECTION }, tx);
      await servers.rack(scope, server.id, placement, tx);
    }
    remember({ kind: 'server', id: server.id, customerId, name });
    const missing = [!v.name && 'name', !v.serial && 'serial']
      .filter((f): f is string => Boolean(f))
      .map((f) => t(ctx.locale, `netbox.field.${f}`))
      .join(t(ctx.locale, 'netbox.field.and'));
    const note = missing ? { key: 'netbox.note.placeholder', params: { fields: missing } } : racked && !placement ? { key: 'netbox.note.notRacked' } : undefined;
    return { status: 'create', ref: name, note };
  }

  /** A device whose role maps to "switch": a switch in its rack's room, with its physical interfaces as ports. */
  async function importSwitch(ctx: ImportContext, v: Values, name: string, tx: Executor): Promise<Outcome> {
    const { scope } = ctx;
    if (await network.switchIdByLabel(tx, name)) return { status: 'unchanged', ref: name };
    if (!v.site) invalid('site', 'netbox.switchNeedsSite');
    const site = await siteOf(scope, v.site, tx);
    const cabinet = v.rack ? (await floor.cabinetsInSite(scope, site.id, v.rack, tx))[0] : undefined;
    const roomId = cabinet?.cabinet.roomId ?? (await roomOf(scope, site.id, v.location ?? '', tx)).id;
    const ports = deviceRefs(v)
      .flatMap((r) => ctx.interfaces.get(r) ?? [])
      .filter((i) => !NOT_A_PORT.test(i.type ?? '') && !/^(true|yes|1)$/i.test(i.mgmt_only ?? ''));
    const speed = ports.map((i) => /(\d+)\s*g(e|base)/i.exec(i.type ?? '')).find(Boolean);
    await network.createSwitch(scope, { roomId, cabinetId: cabinet?.cabinet.id ?? null, name, model: v.device_type || '—', portCount: ports.length, portNames: [...new Set(ports.map((i) => i.name))], portSpeedMbps: speed ? Number(speed[1]) * 1000 : 1000 }, tx);
    return { status: 'create', ref: name, note: { key: 'netbox.note.switch', params: { ports: ports.length } } };
  }

  /** dcim.interface: a switch's physical interfaces became its ports with the switch; the rest are not imported. */
  async function importInterface(ctx: ImportContext, v: Values): Promise<Outcome> {
    const ref = `${v.device} ${v.name}`;
    const device = ctx.devices.get(v.device);
    if (device?.kind !== 'switch') return { status: 'ignored', ref, note: { key: 'netbox.note.interfaceNotSwitch' } };
    if (NOT_A_PORT.test(v.type ?? '') || /^(true|yes|1)$/i.test(v.mgmt_only ?? '')) return { status: 'ignored', ref, note: { key: 'netbox.note.notAPort' } };
    return { status: device.created ? 'create' : 'unchanged', ref, note: { key: 'netbox.note.port', params: { switch: device.name } } };
  }

  /** ipam.ipaddress → an allocation to the server that holds it, or a reserved address of its pool. */
  async function importIpAddress(ctx: ImportContext, v: Values, tx: Executor): Promise<Outcome> {
    const { scope } = ctx;
    const ref = v.address;
    const status = choice(v.status) || 'active';
    if (!IP_HELD.includes(status) && !IP_RESERVED.includes(status)) return { status: 'ignored', ref, note: { key: 'netbox.note.statusIgnored', params: { status: v.status } } };
    const ip = parseIp(addressOf(v.address));
    if (!ip) return invalid('address', 'IP_FORMAT');
    const address = formatIp(ip);
    const pool = ctx.pools.find((p) => cidrContains(p.cidr, ip));
    if (!pool) return invalid('address', 'netbox.noPool');
    if (pool.gateway === address) return { status: pool.created ? 'create' : 'unchanged', ref, note: { key: 'netbox.note.isGateway', params: { pool: pool.prefix } } };

    const deviceName = v.device || v.virtual_machine || ctx.primaryIps.get(address) || '';
    let device = deviceName ? ctx.devices.get(deviceName) : undefined;
    if (deviceName && !device && !v.virtual_machine) {
      const known = await servers.serverByName(scope, deviceName, tx);
      if (known) device = { kind: 'server', id: known.id, customerId: known.customerId, name: deviceName };
    }
    if (device?.kind === 'refused') invalid('device', 'netbox.deviceRefused', { name: deviceName });
    if (status === 'reserved' || device?.kind !== 'server') {
      const holder = deviceName ? `${deviceName}${v.interface ? ` ${v.interface}` : ''}` : v.description || v.dns_name || '';
      const reason = `NetBox${holder ? `: ${holder}` : ''}`;
      const done = await ipam.reserveAddress(scope, { poolId: pool.id, address, reason }, tx);
      const key = !deviceName ? 'netbox.note.reservedUnassigned' : v.virtual_machine || !device ? 'netbox.note.reservedUnknown' : 'netbox.note.reservedFor';
      return { status: done === 'created' ? 'create' : 'unchanged', ref, note: { key, params: { name: deviceName } } };
    }
    if (v.tenant) {
      const customerId = ctx.tenants.get(v.tenant);
      if (customerId && customerId !== device.customerId) invalid('tenant', 'netbox.tenantMismatch');
    }
    const [holder] = await ipam.serverOfAddress(tx, address).then((id) => (id ? [id] : []));
    if (holder === device.id) return { status: 'unchanged', ref };
    const allocation = await ipam.allocate(scope, { poolId: pool.id, serverId: device.id, address }, tx);
    if (v.dns_name) await dns.setPtr(scope, allocation.id, { hostname: v.dns_name }, tx);
    return { status: 'create', ref, note: { key: 'netbox.note.allocated', params: { name: device.name } } };
  }

  const IMPORTERS: Record<NetboxKind, (ctx: ImportContext, v: Values, tx: Executor, line: number) => Promise<Outcome>> = {
    sites: importSite,
    racks: importRack,
    prefixes: importPrefix,
    devices: importDevice,
    interfaces: importInterface,
    ipAddresses: importIpAddress,
  };

  /** One row in a savepoint of its own: a refused row leaves nothing behind, is reported, and the others go on. */
  async function importRow(ctx: ImportContext, file: ParsedFile, r: ParsedFile['rows'][number], tx: Executor): Promise<RowReport> {
    const v = r.values;
    const ref = v.name || v.address || v.prefix || '';
    try {
      const missing = REQUIRED_COLUMNS[file.kind].filter((c) => !file.header.includes(c));
      if (missing.length) throw new RowError(missing.map((c) => ({ path: c, key: 'netbox.missingColumn' })));
      if (r.extra) throw new RowError([{ path: 'line', key: 'netbox.extraCells' }]);
      const empty = REQUIRED_COLUMNS[file.kind].filter((c) => !v[c]);
      if (empty.length) throw new RowError(empty.map((c) => ({ path: c, key: 'field.required' })));
      const out = await tx.transaction((sp) => IMPORTERS[file.kind](ctx, v, sp, r.line));
      return { line: r.line, status: out.status, ref: out.ref, ...(out.note ? { note: t(ctx.locale, out.note.key, out.note.params) } : {}) };
    } catch (err) {
      const e = err instanceof RowError ? new AppError('VALIDATION_FAILED', {}, err.fields) : err;
      const { status, body } = describeError(e, ctx.locale);
      if (status >= 500) throw err; // a bug, not a bad row: the whole import stops
      return { line: r.line, status: 'refused', ref, code: body.error.code, reason: body.error.message, fields: body.error.fields };
    }
  }

  /** The files in dependency order, then one audit record of the whole import. */
  async function importFiles(ctx: ImportContext, parsed: ParsedFile[], tx: Executor, report: ImportReport, onProgress?: ImportProgress) {
    for (const file of parsed) {
      const rows: RowReport[] = [];
      onProgress?.({ step: file.kind, done: 0, total: file.rows.length });
      for (const r of file.rows) {
        rows.push(await importRow(ctx, file, r, tx));
        onProgress?.({ step: file.kind, done: rows.length, total: file.rows.length });
      }
      const counts = zero();
      for (const r of rows) counts[r.status] += 1;
      for (const s of Object.keys(counts) as RowStatus[]) report.counts[s] += counts[s];
      report.files.push({ kind: file.kind, file: NETBOX_FILES[file.kind].file, counts, rows });
    }
    const refusedRows = report.files.flatMap((f) => f.rows.filter((r) => r.status === 'refused').map((r) => `${f.file}:${r.line}`));
    await audit.record(tx, ctx.scope, { action: 'netbox.import', entity: 'netbox_import', entityId: null, after: { counts: report.counts, refusedRows } });
  }

  /** The roles and tenants the files name, with the mapping asked for or, failing that, the likely one. */
  async function mappingOf(scope: Scope, parsed: ParsedFile[], mapping: ImportMapping) {
    const devices = parsed.find((p) => p.kind === 'devices')?.rows ?? [];
    const roleCount = new Map<string, number>();
    for (const r of devices) if (r.values.role) roleCount.set(r.values.role, (roleCount.get(r.values.role) ?? 0) + 1);
    const askedRoles = new Map((mapping.roles ?? []).map((m) => [m.role, m.action]));
    const roles = [...roleCount].map(([role, n]) => ({ role, devices: n, action: askedRoles.get(role) ?? suggestRole(role) }));

    const tenantCount = new Map<string, number>();
    for (const p of parsed.filter((f) => f.kind === 'devices' || f.kind === 'ipAddresses')) for (const r of p.rows) if (r.values.tenant) tenantCount.set(r.values.tenant, (tenantCount.get(r.values.tenant) ?? 0) + 1);
    const askedTenants = new Map((mapping.tenants ?? []).map((m) => [m.tenant, m.customerId]));
    const tenants: ImportReport['tenants'] = [];
    for (const [tenant, n] of tenantCount) {
      // customers are not created by an import (they need their KYC first); one of the same name is the likely match
      const { items } = await deps.customers.list(scope, { q: tenant, page: 1, pageSize: 50 });
      const byName = items.find((c) => c.name.trim().toLowerCase() === tenant.trim().toLowerCase());
      const customerId = askedTenants.has(tenant) ? askedTenants.get(tenant)! : (byName?.id ?? null);
      const customerName = customerId ? (items.find((c) => c.id === customerId)?.name ?? (await deps.customers.get(scope, customerId).then((c) => c.name, () => null))) : null;
      tenants.push({ tenant, rows: n, customerId, customerName });
    }
    return { roles, tenants };
  }

  function parse(files: Partial<Record<NetboxKind, string>>): ParsedFile[] {
    return NETBOX_KINDS.filter((k) => files[k] !== undefined).map((kind) => {
      const { header, rows } = csvObjects(files[kind]!);
      const names = columnNames(kind, header);
      return { kind, header: names, rows: rows.map((r) => ({ line: r.line, extra: r.extra, values: Object.fromEntries(header.map((h, i) => [names[i], r.values[h]])) })) };
    });
  }

  return {
    async importCsv(scope: Scope, files: Partial<Record<NetboxKind, string>>, opts: { dryRun: boolean; locale: Locale; mapping?: ImportMapping; onProgress?: ImportProgress }): Promise<ImportReport> {
      requirePermission(scope, 'netbox.import');
      const parsed = parse(files);
      const { roles, tenants } = await mappingOf(scope, parsed, opts.mapping ?? {});
      const rows = (kind: NetboxKind) => parsed.find((p) => p.kind === kind)?.rows.map((r) => r.values) ?? [];
      const primaryIps = new Map<string, string>();
      for (const d of rows('devices')) for (const c of [d.primary_ip, d.primary_ip4, d.primary_ip6]) if (c && d.name) primaryIps.set(formatIp(parseIp(addressOf(c)) ?? { version: 4, value: 0n }), d.name);
      const interfaces = new Map<string, Values[]>();
      for (const i of rows('interfaces')) interfaces.set(i.device, [...(interfaces.get(i.device) ?? []), i]);
      const ctx: ImportContext = {
        scope,
        locale: opts.locale,
        roles: new Map(roles.map((r) => [r.role, r.action])),
        tenants: new Map(tenants.map((x) => [x.tenant, x.customerId])),
        pools: (await ipam.pools(scope)).flatMap((p) => {
          const cidr = parseCidr(p.prefix);
          return 'error' in cidr ? [] : [{ id: p.id, prefix: p.prefix, cidr, gateway: p.gateway ?? null, created: false }];
        }),
        devices: new Map(),
        primaryIps,
        interfaces,
        gateways: rows('ipAddresses').filter((a) => looksLikeGateway(a.role ?? '', `${a.description ?? ''} ${a.dns_name ?? ''}`)).flatMap((a) => {
          const ip = parseIp(addressOf(a.address));
          return ip ? [formatIp(ip)] : [];
        }),
      };
      const report: ImportReport = { dryRun: opts.dryRun, counts: zero(), files: [], roles, tenants };
      try {
        // one transaction for the whole import; a preview is the same run, rolled back at the end
        await deps.db.transaction(async (tx) => {
          await importFiles(ctx, parsed, tx, report, opts.onProgress);
          if (opts.dryRun) throw new DryRunRollback();
        });
      } catch (err) {
        if (!(err instanceof DryRunRollback)) throw err;
      }
      return report;
    },

    /** The inventory in NetBox's import columns, so it can go back into NetBox (or round-trip through rackpact). */
    async exportCsv(scope: Scope, kind: ExportKind): Promise<{ columns: readonly string[]; rows: string[][] }> {
      requireStaff(scope);
      const columns = EXPORT_COLUMNS[kind];
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
