/**
 * NetBox's CSV columns, as NetBox writes them, to one set of names the importer reads.
 *
 * Three spellings reach us: the bulk-import field names of NetBox 3.x (`device_role`, `serial`),
 * the same of NetBox 4.x (`role`), and what NetBox 4.x's list views export ("All data (CSV)" or
 * "Current view"): the table's column headers ("Serial number", "Rack face", "IP Address",
 * "Parent", "Height") with display values ("Active", "Front", "42U"). A header is normalised
 * (lower case, runs of other characters to `_`) and looked up in the kind's aliases; columns we
 * do not use (Region, Tags, Created, …) are read and left alone.
 */

export const NETBOX_KINDS = ['sites', 'racks', 'prefixes', 'devices', 'interfaces', 'ipAddresses'] as const;
export type NetboxKind = (typeof NETBOX_KINDS)[number];

/** The file each kind comes in: rackpact's (and NetBox's import) name first, then NetBox 4.x's export name. */
export const NETBOX_FILES: Record<NetboxKind, { file: string; exportFile: string }> = {
  sites: { file: 'sites.csv', exportFile: 'netbox_sites.csv' },
  racks: { file: 'racks.csv', exportFile: 'netbox_racks.csv' },
  prefixes: { file: 'prefixes.csv', exportFile: 'netbox_prefixes.csv' },
  devices: { file: 'devices.csv', exportFile: 'netbox_devices.csv' },
  interfaces: { file: 'interfaces.csv', exportFile: 'netbox_interfaces.csv' },
  ipAddresses: { file: 'ip-addresses.csv', exportFile: 'netbox_IP addresses.csv' },
};

/** The kind a file name names (sites.csv, netbox_sites.csv, "netbox_IP addresses (3).csv", ip_addresses.csv …), or undefined. */
export function kindOfFileName(name: string): NetboxKind | undefined {
  const base = name.toLowerCase().replace(/^.*[\\/]/, '').replace(/\.csv$/, '').replace(/^netbox_/, '').replace(/\s*\(\d+\)$/, '').replace(/[^a-z]+/g, '');
  const byBase: Record<string, NetboxKind> = { sites: 'sites', racks: 'racks', prefixes: 'prefixes', devices: 'devices', interfaces: 'interfaces', ipaddresses: 'ipAddresses' };
  return byBase[base];
}

/** The names the importer reads, per kind; each with the normalised headers that mean it. */
const ALIASES: Record<NetboxKind, Record<string, string[]>> = {
  sites: {
    id: ['id'],
    name: ['name'],
    slug: ['slug'],
    status: ['status'],
    facility: ['facility'],
    physical_address: ['physical_address'],
    tenant: ['tenant'],
  },
  racks: {
    id: ['id'],
    site: ['site'],
    location: ['location'],
    name: ['name'],
    status: ['status'],
    u_height: ['u_height', 'height', 'height_u'],
    tenant: ['tenant'],
  },
  prefixes: {
    id: ['id'],
    prefix: ['prefix', 'prefix_flat'],
    status: ['status'],
    tenant: ['tenant'],
    // 3.x: site; 4.2: scope (+ scope_type dcim.site)
    site: ['site'],
    scope: ['scope'],
    scope_type: ['scope_type'],
    vlan: ['vlan', 'vlan_vid'],
    description: ['description'],
  },
  devices: {
    id: ['id'],
    name: ['name'],
    // 3.x import: device_role; 4.x import and export: role
    role: ['role', 'device_role'],
    manufacturer: ['manufacturer'],
    device_type: ['device_type', 'type'],
    serial: ['serial', 'serial_number'],
    asset_tag: ['asset_tag'],
    site: ['site'],
    location: ['location'],
    rack: ['rack'],
    position: ['position'],
    face: ['face', 'rack_face'],
    status: ['status'],
    tenant: ['tenant'],
    u_height: ['u_height'],
    primary_ip: ['primary_ip', 'ip_address'],
    primary_ip4: ['primary_ip4', 'ipv4_address'],
    primary_ip6: ['primary_ip6', 'ipv6_address'],
  },
  interfaces: {
    id: ['id'],
    device: ['device'],
    name: ['name'],
    type: ['type'],
    enabled: ['enabled'],
    mgmt_only: ['mgmt_only', 'management_only'],
    speed: ['speed', 'speed_kbps'],
  },
  ipAddresses: {
    id: ['id'],
    address: ['address', 'ip_address'],
    status: ['status'],
    role: ['role'],
    tenant: ['tenant'],
    dns_name: ['dns_name'],
    description: ['description'],
    // 3.x/4.x import: device (+ interface); 4.x export: Parent (the device or VM) and Interface
    device: ['device', 'parent', 'assigned_object_parent'],
    virtual_machine: ['virtual_machine'],
    interface: ['interface', 'assigned_object'],
  },
};

/** The columns a file of the kind cannot do without (in any spelling). */
export const REQUIRED_COLUMNS: Record<NetboxKind, string[]> = {
  sites: ['name'],
  racks: ['site', 'name'],
  prefixes: ['prefix'],
  devices: ['role'],
  interfaces: ['device', 'name'],
  ipAddresses: ['address'],
};

export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** header cell → the importer's name for it (or the normalised header when it is not one we read). */
export function columnNames(kind: NetboxKind, header: readonly string[]): string[] {
  const reverse = new Map<string, string>();
  for (const [canonical, aliases] of Object.entries(ALIASES[kind])) for (const a of aliases) if (!reverse.has(a)) reverse.set(a, canonical);
  return header.map((h) => {
    const n = normaliseHeader(h);
    return reverse.get(n) ?? n;
  });
}

/** NetBox writes a choice's label in exports ("Active", "Decommissioning") and its value in imports; both to the value. */
export const choice = (v: string | undefined) =>
  (v ?? '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

/** "42", "42U", "42 U" → 42; anything else → NaN. */
export function heightOf(v: string): number {
  const m = /^(\d+)\s*u?$/i.exec(v.trim());
  return m ? Number(m[1]) : Number.NaN;
}

/** NetBox positions may be half units ("10.5"); rackpact places whole units only. */
export function positionOf(v: string): number {
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : Number.NaN;
}

/** A site code from NetBox's slug (or, without one, from the name): A–Z, 0–9 and hyphens, 2–20 long; undefined when nothing is left. */
export function siteCode(slugOrName: string): string | undefined {
  const code = slugOrName
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 20)
    .replace(/-+$/, '');
  return code.length >= 2 ? code : undefined;
}

/** A device's own address from a device row's primary IP cell ("192.0.2.10/24" or "192.0.2.10/24 (NAT)"). */
export const addressOf = (v: string | undefined) => (v ?? '').trim().split(/[\s/]/)[0];

/** The first-hop roles NetBox gives a shared gateway address; such an address in a prefix is that pool's gateway. */
export const GATEWAY_ROLES = ['vip', 'vrrp', 'hsrp', 'glbp', 'carp'];
export const looksLikeGateway = (role: string, text: string) => GATEWAY_ROLES.includes(choice(role)) || /\b(gateway|gw)\b|网关/i.test(text);

/** What a NetBox device role most likely is in rackpact, before the operator says otherwise. */
export function suggestRole(role: string): 'server' | 'switch' | 'ignore' {
  const r = role.toLowerCase();
  if (/console|pdu|power|patch/.test(r)) return 'ignore';
  if (/server|服务器|compute|hypervisor|host/.test(r)) return 'server';
  if (/switch|交换机|leaf|spine|tor\b/.test(r)) return 'switch';
  return 'ignore';
}
