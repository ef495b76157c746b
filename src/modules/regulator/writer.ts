/**
 * The file layout handed to the provincial 通信管理局 (issue 22 §2), documented field by field in
 * docs/regulator.md. The provincial interface's exact schema differs by province and version, so each
 * record kind has ONE function here giving its fields in order (element name, CSV column, value); an operator
 * adapts a province's layout by changing that function. The XML and CSV encoders below are shared.
 */
import type { FrameRecord, GatewayRecord, HouseRecord, IpSegmentRecord, OccupiedRecord, OperatorRecord, Register, ServiceRecord, UserRecord } from './register.js';
import type { RecordKind } from './regulator.schema.js';

export type Field = readonly [name: string, value: string | number | boolean];

export const LAYOUT_VERSION = 'rackpact-isms-1';

export const writeOperator = (r: OperatorRecord): Field[] => [
  ['licenceNumber', r.licenceNumber],
  ['unitName', r.unitName],
  ['uscc', r.uscc],
  ['address', r.address],
  ['legalRepresentative', r.legalRepresentative],
  ['contactPerson', r.contactPerson],
  ['phone', r.phone],
  ['email', r.email],
];
export const writeHouse = (r: HouseRecord): Field[] => [
  ['houseId', r.houseId],
  ['name', r.name],
  ['address', r.address],
  ['accessPoint', r.accessPoint],
  ['nature', r.nature],
  ['officer', r.officer],
  ['officerPhone', r.officerPhone],
  ['province', r.province],
];
export const writeGateway = (r: GatewayRecord): Field[] => [
  ['gatewayId', r.gatewayId],
  ['houseId', r.houseId],
  ['name', r.name],
  ['model', r.model],
  ['uplinkMbps', r.uplinkMbps],
];
export const writeFrame = (r: FrameRecord): Field[] => [
  ['frameId', r.frameId],
  ['houseId', r.houseId],
  ['room', r.room],
  ['code', r.code],
  ['heightU', r.heightU],
  ['status', r.status],
  ['occupied', r.occupied],
];
export const writeIpSegment = (r: IpSegmentRecord): Field[] => [
  ['segmentId', r.segmentId],
  ['houseId', r.houseId],
  ['startIp', r.startIp],
  ['endIp', r.endIp],
  ['addresses', r.addresses],
  ['useType', r.useType],
  ['userId', r.userId],
  ['userName', r.userName],
  ['userIdType', r.userIdType],
  ['userIdNumber', r.userIdNumber],
  ['allocatedOn', r.allocatedOn],
  ['note', r.note],
];
export const writeUser = (r: UserRecord): Field[] => [
  ['userId', r.userId],
  ['unitName', r.unitName],
  ['nature', r.nature],
  ['idType', r.idType],
  ['idNumber', r.idNumber],
  ['address', r.address],
  ['contactName', r.contactName],
  ['contactPhone', r.contactPhone],
  ['email', r.email],
  ['verifiedOn', r.verifiedOn],
  ['status', r.status],
];
export const writeService = (r: ServiceRecord): Field[] => [
  ['serviceId', r.serviceId],
  ['userId', r.userId],
  ['contentType', r.contentType],
  ['filingType', r.filingType],
  ['filingNumber', r.filingNumber],
  ['psbNumber', r.psbNumber],
  ['accessMethod', r.accessMethod],
  ['domains', r.domains],
  ['addresses', r.addresses],
];
export const writeOccupied = (r: OccupiedRecord): Field[] => [
  ['occupiedId', r.occupiedId],
  ['userId', r.userId],
  ['houseId', r.houseId],
  ['frameId', r.frameId],
  ['bandwidthMbps', r.bandwidthMbps],
  ['ipSegments', r.ipSegments],
  ['distributedOn', r.distributedOn],
];

/** A change register row as written into an incremental file. */
export interface ChangeEntry {
  seq: number;
  kind: RecordKind;
  recordKey: string;
  action: string;
  cause: string;
  occurredAt: Date;
  dueOn: string;
  detail: Record<string, unknown>;
}
export const writeChange = (c: ChangeEntry): Field[] => [
  ['seq', c.seq],
  ['kind', c.kind],
  ['recordKey', c.recordKey],
  ['action', c.action],
  ['cause', c.cause],
  ['occurredAt', c.occurredAt.toISOString()],
  ['dueOn', c.dueOn],
  ['detail', JSON.stringify(c.detail)],
];

/** The element name of each kind in the XML files (and the file's base name). */
export const KIND_FILES: Record<RecordKind, { file: string; element: string }> = {
  operator: { file: 'operator', element: 'operator' },
  house: { file: 'house', element: 'house' },
  gateway: { file: 'gateway', element: 'gateway' },
  frame: { file: 'frame', element: 'frame' },
  ip_segment: { file: 'ip_segment', element: 'ipSegment' },
  user: { file: 'user', element: 'user' },
  service: { file: 'service', element: 'service' },
  occupied: { file: 'occupied', element: 'occupiedSpace' },
};

type Writer<T> = (r: T) => Field[];
export const WRITERS: { [K in RecordKind]: Writer<Register[K][number]> } = {
  operator: writeOperator,
  house: writeHouse,
  gateway: writeGateway,
  frame: writeFrame,
  ip_segment: writeIpSegment,
  user: writeUser,
  service: writeService,
  occupied: writeOccupied,
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
/** XML 1.0 text: markup escaped, characters XML forbids (C0 controls but tab/newline) dropped. */
export function xmlText(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (!XML_SPECIAL.test(v)) return v;
  return v.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
const CSV_SPECIAL = /[",\r\n]|^[=+\-@\t]/;
/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; a leading =+-@ is defused for spreadsheets. */
export function csvField(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  if (!CSV_SPECIAL.test(v)) return v;
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows are encoded this many at a time: each slice is one string per format, handed on before the next is built. */
const CHUNK_ROWS = 1000;

/** Where an encoded kind goes: its CSV and its XML text, slice by slice, in order. */
export interface EncodeSink {
  csv(text: string): Promise<void> | void;
  xml(text: string): Promise<void> | void;
}

/** A kind's tags, built once from the header, and the text encoded so far. */
interface Encoding {
  header: readonly string[];
  open: string[];
  close: string[];
  rowOpen: string;
  rowClose: string;
  csv: string;
  xml: string;
}

function startEncoding(element: string, root: string, header: readonly string[], attrs: string): Encoding {
  return {
    header,
    open: header.map((n) => `<${n}>`),
    close: header.map((n) => `</${n}>`),
    rowOpen: `<${element}>`,
    rowClose: `</${element}>\n`,
    csv: `${header.join(',')}\r\n`,
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${attrs}>\n`,
  };
}

/** One record: a CSV line and an XML element appended. */
function appendRow(e: Encoding, fields: Field[]): void {
  let line = '';
  let el = e.rowOpen;
  for (let i = 0; i < fields.length; i += 1) {
    const name = fields[i][0];
    const value = fields[i][1];
    if (i > 0) line += ',';
    line += csvField(value);
    // a writer whose fields differ from the header (it should not) still gets its own element names
    el += name === e.header[i] ? e.open[i] + xmlText(value) + e.close[i] : `<${name}>${xmlText(value)}</${name}>`;
  }
  e.csv += line + '\r\n';
  e.xml += el + e.rowClose;
}

/**
 * One kind's records as CSV (header row from the layout; an empty list still has its header) and as XML, handed
 * to `sink` a slice of rows at a time (the files are never whole in memory); the rows may come in batches
 * (`add` as often as needed, then `end`).
 */
export function kindEncoder<T>(element: string, root: string, header: readonly string[], write: Writer<T>, attrs: string, sink: EncodeSink) {
  const e = startEncoding(element, root, header, attrs);
  let n = 0;
  const flush = async () => {
    const csv = e.csv;
    const xml = e.xml;
    e.csv = '';
    e.xml = '';
    n = 0;
    if (csv) await sink.csv(csv);
    await sink.xml(xml);
  };
  return {
    async add(rows: Iterable<T>): Promise<void> {
      for (const r of rows) {
        appendRow(e, write(r));
        n += 1;
        if (n === CHUNK_ROWS) await flush();
      }
    },
    async end(): Promise<void> {
      e.xml += `</${root}>\n`;
      await flush();
    },
  };
}

/** One kind's records, all at once, through kindEncoder. */
export async function encodeTo<T>(element: string, root: string, header: readonly string[], rows: Iterable<T>, write: Writer<T>, attrs: string, sink: EncodeSink): Promise<void> {
  const enc = kindEncoder(element, root, header, write, attrs, sink);
  await enc.add(rows);
  await enc.end();
}

/** One kind's records as CSV and XML strings, whole (the same text kindEncoder hands over in slices). */
export function encode<T>(element: string, root: string, header: readonly string[], rows: readonly T[], write: Writer<T>, attrs: string): { csv: string; xml: string } {
  const e = startEncoding(element, root, header, attrs);
  for (const r of rows) appendRow(e, write(r));
  return { csv: e.csv, xml: `${e.xml}</${root}>\n` };
}

/** The field names a writer produces, read from a blank record of the kind (for an empty list's header). */
export function headerOf<T>(write: Writer<T>, blank: T): string[] {
  return write(blank).map(([name]) => name);
}
