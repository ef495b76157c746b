import { describe, expect, it } from 'vitest';
import { choice, columnNames, heightOf, kindOfFileName, looksLikeGateway, siteCode, suggestRole } from './netbox.columns.js';

describe('NetBox column names', () => {
  it.each([
    ['3.x import', ['name', 'device_role', 'manufacturer', 'device_type', 'serial', 'face'], ['name', 'role', 'manufacturer', 'device_type', 'serial', 'face']],
    ['4.x import', ['name', 'role', 'manufacturer', 'device_type', 'serial', 'face'], ['name', 'role', 'manufacturer', 'device_type', 'serial', 'face']],
    ['4.x export', ['Name', 'Role', 'Manufacturer', 'Type', 'Serial number', 'Rack face', 'IP Address', 'Position (Device Bay)', 'Position'], ['name', 'role', 'manufacturer', 'device_type', 'serial', 'face', 'primary_ip', 'position_device_bay', 'position']],
  ])('devices, %s', (_, header, names) => expect(columnNames('devices', header)).toEqual(names));

  it.each([
    ['4.x export', ['IP Address', 'Status', 'DNS name', 'Interface', 'Parent'], ['address', 'status', 'dns_name', 'interface', 'device']],
    ['3.x import', ['address', 'status', 'dns_name', 'device', 'interface'], ['address', 'status', 'dns_name', 'device', 'interface']],
  ])('IP addresses, %s', (_, header, names) => expect(columnNames('ipAddresses', header)).toEqual(names));

  it('racks and sites in the export titles', () => {
    expect(columnNames('racks', ['Name', 'Site', 'Location', 'Height'])).toEqual(['name', 'site', 'location', 'u_height']);
    expect(columnNames('sites', ['Name', 'Slug', 'Physical address', 'Time zone'])).toEqual(['name', 'slug', 'physical_address', 'time_zone']);
    expect(columnNames('prefixes', ['Prefix', 'Scope', 'Scope Type', 'VLAN'])).toEqual(['prefix', 'scope', 'scope_type', 'vlan']);
  });

  it.each([
    ['sites.csv', 'sites'],
    ['netbox_sites.csv', 'sites'],
    ['netbox_IP addresses.csv', 'ipAddresses'],
    ['netbox_IP addresses (2).csv', 'ipAddresses'],
    ['ip-addresses.csv', 'ipAddresses'],
    ['netbox_interfaces.csv', 'interfaces'],
    ['netbox_prefixes.csv', 'prefixes'],
    ['netbox_cables.csv', undefined],
  ])('file %s is %s', (name, kind) => expect(kindOfFileName(name)).toBe(kind));

  it.each([
    ['42', 42],
    ['42U', 42],
    ['47 U', 47],
    ['1.5', Number.NaN],
  ])('height %s → %s', (v, n) => expect(heightOf(v)).toBe(n));

  it.each([
    ['bj-yz', 'BJ-YZ'],
    ['dm_scranton', 'DM-SCRANTON'],
    ['北京亦庄机房', undefined],
    ['a-very-long-slug-for-a-site-name', 'A-VERY-LONG-SLUG-FOR'],
  ])('site code of %s', (v, code) => expect(siteCode(v)).toBe(code));

  it('reads choice labels and values alike', () => {
    expect(choice('Active')).toBe('active');
    expect(choice('DHCP')).toBe('dhcp');
    expect(choice(' Decommissioning ')).toBe('decommissioning');
  });

  it.each([
    ['Server', 'server'],
    ['Access Switch', 'switch'],
    ['Console Server', 'ignore'],
    ['PDU', 'ignore'],
    ['Router', 'ignore'],
  ])('role %s is suggested as %s', (role, action) => expect(suggestRole(role)).toBe(action));

  it('a gateway is a first-hop address or one described as the gateway', () => {
    expect(looksLikeGateway('VRRP', '')).toBe(true);
    expect(looksLikeGateway('', '客户网段网关')).toBe(true);
    expect(looksLikeGateway('', 'gw1.example.cn')).toBe(false);
    expect(looksLikeGateway('', 'gw.example.cn')).toBe(true);
    expect(looksLikeGateway('', 'default gateway')).toBe(true);
    expect(looksLikeGateway('Loopback', '')).toBe(false);
  });
});
