/**
 * The file layout handed to the provincial 通信管理局 (issue 22 §2), documented field by field in
 * docs/regulator.md. The provincial interface's exact schema differs by province and version, so each
 * record kind has ONE function here giving its fields in order (element name, CSV column, value); an operator
 * adapts a province's layout by changing that function. The XML and CSV encoders below are shared.
 */
import type { FrameRecord, GatewayRecord, HouseRecord, IpSegmentRecord, OccupiedRecord, OperatorRecord, Register, ServiceRecord, UserRecord } from './register.js';
import type { RecordKind } from './regulator.schema.js';
import { ByteSlice } from './byte-slice.js';

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

/** Rows are encoded this many at a time: each slice is one buffer per format, handed on before the next is built. */
const CHUNK_ROWS = 1000;

/** Where an encoded kind goes: its CSV and its XML as UTF-8, slice by slice, in order (each slice a fresh buffer the sink may keep). */
export interface EncodeSink {
  csv(bytes: Uint8Array): Promise<void> | void;
  xml(bytes: Uint8Array): Promise<void> | void;
}

/** Any character that needs more than copying, in CSV or in XML (one test per value; csvField and xmlText decide the rest). */
const SPECIAL = /[&<>",\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f]|^[=+\-@\t]/;
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A kind's tags, built once from the header as UTF-8, and the bytes encoded so far. */
interface Encoding {
  header: readonly string[];
  /** before field i: the previous field's closing tag (or the row's opening tag) and field i's opening tag */
  before: Uint8Array[];
  /** after the last field: its closing tag and the row's */
  rowEnd: Uint8Array;
  element: string;
  csv: ByteSlice;
  xml: ByteSlice;
}

function startEncoding(element: string, root: string, header: readonly string[], attrs: string): Encoding {
  const e: Encoding = {
    header,
    before: header.map((n, i) => utf8(`${i ? `</${header[i - 1]}>` : `<${element}>`}<${n}>`)),
    rowEnd: utf8(header.length ? `</${header[header.length - 1]}></${element}>\n` : `<${element}></${element}>\n`),
    element,
    csv: new ByteSlice(64 * 1024),
    xml: new ByteSlice(64 * 1024),
  };
  e.csv.text(`${header.join(',')}\r\n`);
  e.xml.text(`<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${attrs}>\n`);
  return e;
}

/**
 * A value into both files. The usual value (ASCII, no character CSV or XML treats specially) is copied into both
 * in one pass; anything else goes through csvField and xmlText (a value with non-ASCII text but nothing special
 * is written as it is, by node's UTF-8 encoder).
 */
function value(csv: ByteSlice, xml: ByteSlice, v: string): void {
  const n = v.length;
  csv.room(n);
  xml.room(n);
  const cb = csv.buf;
  const xb = xml.buf;
  let co = csv.off;
  let xo = xml.off;
  const first = n > 0 ? v.charCodeAt(0) : 0;
  // a leading = + - @ (or tab, below) is defused in CSV
  let plain = !(first === 61 || first === 43 || first === 45 || first === 64);
  for (let i = 0; plain && i < n; i += 1) {
    const c = v.charCodeAt(i);
    // controls, " & , < > and anything beyond ASCII
    if (c < 0x20 || c >= 0x80 || c === 34 || c === 38 || c === 44 || c === 60 || c === 62) plain = false;
    else {
      cb[co++] = c;
      xb[xo++] = c;
    }
  }
  if (plain) {
    csv.off = co;
    xml.off = xo;
  } else if (!SPECIAL.test(v)) {
    csv.text(v);
    xml.text(v);
  } else {
    csv.text(csvField(v));
    xml.text(xmlText(v));
  }
}

/** One record: a CSV line and an XML element appended. */
function appendRow(e: Encoding, fields: Field[]): void {
  const { csv, xml, header } = e;
  const n = fields.length;
  if (n !== header.length) return appendOddRow(e, fields);
  for (let i = 0; i < n; i += 1) if (fields[i][0] !== header[i]) return appendOddRow(e, fields);
  for (let i = 0; i < n; i += 1) {
    const v = fields[i][1];
    xml.bytes(e.before[i]);
    if (i > 0) csv.text(',');
    value(csv, xml, typeof v === 'string' ? v : String(v));
  }
  xml.bytes(e.rowEnd);
  csv.text('\r\n');
}

/** A writer whose fields differ from the header (it should not): its own element names, each value escaped on its own. */
function appendOddRow(e: Encoding, fields: Field[]): void {
  let line = '';
  let el = `<${e.element}>`;
  for (let i = 0; i < fields.length; i += 1) {
    const [name, value] = fields[i];
    if (i > 0) line += ',';
    line += csvField(value);
    el += `<${name}>${xmlText(value)}</${name}>`;
  }
  e.csv.text(`${line}\r\n`);
  e.xml.text(`${el}</${e.element}>\n`);
}

/**
 * One kind's records as CSV (header row from the layout; an empty list still has its header) and as XML, handed
 * to `sink` a slice of rows at a time as UTF-8 (the files are never whole in memory); the rows may come in batches
 * (`add` as often as needed, then `end`).
 */
export function kindEncoder<T>(element: string, root: string, header: readonly string[], write: Writer<T>, attrs: string, sink: EncodeSink) {
  const e = startEncoding(element, root, header, attrs);
  let n = 0;
  const flush = async () => {
    const csv = e.csv.take();
    const xml = e.xml.take();
    n = 0;
    if (csv.length) await sink.csv(csv);
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
      e.xml.text(`</${root}>\n`);
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
  e.xml.text(`</${root}>\n`);
  return { csv: e.csv.take().toString('utf8'), xml: e.xml.take().toString('utf8') };
}

/** The field names a writer produces, read from a blank record of the kind (for an empty list's header). */
export function headerOf<T>(write: Writer<T>, blank: T): string[] {
  return write(blank).map(([name]) => name);
}
