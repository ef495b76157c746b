/** RFC 1035 master-file text for one zone: SOA, the provider's NS, then the customer's records. */
export interface ZoneRecord {
  name: string;
  type: 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS' | 'PTR';
  value: string;
  ttl: number | null;
  priority: number | null;
}

/** TXT data in quoted strings of at most 255 bytes, quotes and backslashes escaped. */
export function txtStrings(value: string): string {
  const bytes = Buffer.from(value, 'utf8');
  const chunks: string[] = [];
  for (let i = 0; i < bytes.length; i += 255) chunks.push(bytes.subarray(i, i + 255).toString('utf8'));
  return chunks.map((c) => `"${c.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(' ');
}

/** 2026112501: the date in Asia/Shanghai and a counter, always above the last serial. */
export function nextSerial(current: number, shanghaiDate: string): number {
  const base = Number(shanghaiDate.replace(/-/g, '')) * 100 + 1;
  return Math.max(current + 1, base);
}

export function renderZoneFile(zone: { domain: string; serial: number; defaultTtl: number }, records: ZoneRecord[], ns: { nameservers: string[]; hostmaster: string }): string {
  const origin = `${zone.domain}.`;
  const lines = [
    `; zone ${zone.domain} — exported by rackpact`,
    `$ORIGIN ${origin}`,
    `$TTL ${zone.defaultTtl}`,
    `@ IN SOA ${ns.nameservers[0]} ${ns.hostmaster} ( ${zone.serial} 3600 900 1209600 300 )`,
    ...ns.nameservers.map((n) => `@ IN NS ${n}`),
  ];
  const sorted = [...records].sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type) || a.value.localeCompare(b.value));
  for (const r of sorted) {
    const ttl = r.ttl ? ` ${r.ttl}` : '';
    const data = r.type === 'TXT' ? txtStrings(r.value) : r.type === 'MX' ? `${r.priority} ${r.value}` : r.value;
    lines.push(`${r.name}${ttl} IN ${r.type} ${data}`);
  }
  return `${lines.join('\n')}\n`;
}
