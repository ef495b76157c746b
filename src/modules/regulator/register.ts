/**
 * The basic-data register (issue 22 §1): the records of the ISMS basic-data interface (YD/T 2248/2405/2406),
 * assembled from what the other modules' services hand over, and the checks a file must pass before it
 * leaves. Pure: no database, no files — the service reads, this shapes and checks.
 */
import { checkFiling, validateUscc } from '../../rules/index.js';
import type { RecordKind } from './regulator.schema.js';
import { ByteSlice } from './byte-slice.js';
import type { RegisterUserRow } from '../customers/kyc.service.js';
import type { RegisterServiceRow } from '../compliance/domains.service.js';

export interface OperatorRecord {
  licenceNumber: string;
  unitName: string;
  uscc: string;
  address: string;
  legalRepresentative: string;
  contactPerson: string;
  phone: string;
  email: string;
}
export interface HouseRecord {
  houseId: string;
  name: string;
  address: string;
  accessPoint: string;
  nature: string;
  officer: string;
  officerPhone: string;
  province: string;
}
export interface GatewayRecord {
  gatewayId: string;
  houseId: string;
  name: string;
  model: string;
  uplinkMbps: number;
}
export interface FrameRecord {
  frameId: string;
  houseId: string;
  room: string;
  code: string;
  heightU: number;
  status: string;
  occupied: boolean;
}
export interface IpSegmentRecord {
  segmentId: string;
  houseId: string;
  startIp: string;
  endIp: string;
  addresses: number;
  useType: 'static' | 'reserved';
  userId: string;
  userName: string;
  userIdType: string;
  userIdNumber: string;
  allocatedOn: string;
  note: string;
}
export interface UserRecord {
  userId: string;
  unitName: string;
  nature: string;
  idType: string;
  idNumber: string;
  address: string;
  contactName: string;
  contactPhone: string;
  email: string;
  verifiedOn: string;
  status: string;
}
export interface ServiceRecord {
  serviceId: string;
  userId: string;
  contentType: string;
  filingType: 'icp_filing' | 'icp_licence';
  filingNumber: string;
  psbNumber: string;
  accessMethod: string;
  domains: string;
  addresses: string;
}
export interface OccupiedRecord {
  occupiedId: string;
  userId: string;
  houseId: string;
  frameId: string;
  bandwidthMbps: number;
  ipSegments: string;
  distributedOn: string;
}

export interface Register {
  operator: OperatorRecord[];
  house: HouseRecord[];
  gateway: GatewayRecord[];
  frame: FrameRecord[];
  ip_segment: IpSegmentRecord[];
  user: UserRecord[];
  service: ServiceRecord[];
  occupied: OccupiedRecord[];
}

/** What the other modules hand over, as their services return it. */
export interface RegisterSources {
  settings: { licenceNumber: string; province: string; houseNature: string; houseOfficer: string; houseOfficerPhone: string };
  provider: { legalName: string; uscc: string; address: string; legalRepresentative: string | null; contactPerson: string | null; phone: string | null; noticeEmail: string | null } | null;
  sites: { id: string; code: string; name: string; address: string; accessPoint: string; retiredAt: Date | null }[];
  rooms: { id: string; siteId: string; name: string }[];
  cabinets: { cabinet: { id: string; roomId: string; code: string; heightU: number; status: string; retiredAt: Date | null } }[];
  switches: { id: string; roomId: string; name: string; model: string; uplinkMbps: number; retiredAt: Date | null }[];
  users: RegisterUserRow[];
  segments: { pool_id: string; site_id: string | null; first_address: string; last_address: string; addresses: number; customer_id: string | null; live: boolean; allocated_on: string | null; reason: string | null }[];
  services: RegisterServiceRow[];
  /** live servers with where they stand and when they were racked */
  servers: { id: string; customerId: string; status: string; siteName: string | null; cabinetCode: string | null; rackedAt: Date | null }[];
  /** bandwidth per server (its port assignments) */
  bandwidth: Map<string, number>;
}

const s = (v: string | null | undefined) => v ?? '';
const dateOf = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');
export const segmentId = (poolId: string, firstAddress: string) => `${poolId}/${firstAddress}`;
export const serviceId = (customerId: string, filingNumber: string) => `${customerId}/${filingNumber}`;
export const frameId = (houseId: string, cabinetCode: string) => `${houseId}/${cabinetCode}`;

type SegmentSource = RegisterSources['segments'][number];

/**
 * `first-last` ranges joined by commas (the same text as an array of them joined), kept as UTF-8 bytes in one
 * growing buffer: nothing for the garbage collector to trace, however many ranges a user holds.
 */
class RangeList {
  private readonly bytes = new ByteSlice(64);
  add(first: string, last: string): void {
    if (this.bytes.off) this.bytes.text(',');
    this.bytes.text(first);
    this.bytes.text('-');
    this.bytes.text(last);
  }
  text(): string {
    return this.bytes.buf.toString('utf8', 0, this.bytes.off);
  }
}

type UserSource = RegisterSources['users'][number];

/** A KYC user as its register record. */
function userRecord(u: UserSource): UserRecord {
  return {
    userId: u.id,
    unitName: s(u.verified_name ?? u.name),
    nature: 'enterprise',
    idType: s(u.verified_id_type),
    idNumber: s(u.verified_id_number),
    address: s(u.registered_address ?? u.postal_address),
    contactName: s(u.legal_representative),
    contactPhone: s(u.contact_phone),
    email: s(u.notice_email),
    verifiedOn: s(u.verified_on),
    status: u.status,
  };
}

/**
 * The register built in steps, for one too large to hold whole: the records that need no IP segment at once,
 * then the segments a batch at a time (as a cursor hands them over), then the users, services and occupied
 * space, which depend on every segment. `buildRegister` is these steps in one go.
 */
export function registerBuilder(src: Omit<RegisterSources, 'segments'>) {
  const siteById = new Map(src.sites.map((x) => [x.id, x]));
  const siteByName = new Map(src.sites.map((x) => [x.name, x]));
  const roomById = new Map(src.rooms.map((x) => [x.id, x]));
  const houseOfRoom = (roomId: string) => {
    const room = roomById.get(roomId);
    return room ? (siteById.get(room.siteId)?.code ?? '') : '';
  };
  const usersById = new Map(src.users.map((u) => [u.id, u]));
  // the customers who are users of the register: those with a server, an address or a filed site with us (a prospect is not yet)
  const serving = new Set<string>();
  for (const x of src.servers) serving.add(x.customerId);
  for (const x of src.services) serving.add(x.customer_id);
  const p = src.provider;
  const st = src.settings;

  const operator: OperatorRecord[] = [
    {
      licenceNumber: st.licenceNumber,
      unitName: s(p?.legalName),
      uscc: s(p?.uscc),
      address: s(p?.address),
      legalRepresentative: s(p?.legalRepresentative),
      contactPerson: s(p?.contactPerson),
      phone: s(p?.phone),
      email: s(p?.noticeEmail),
    },
  ];
  const house: HouseRecord[] = src.sites
    .filter((x) => !x.retiredAt)
    .map((x) => ({ houseId: x.code, name: x.name, address: x.address, accessPoint: x.accessPoint, nature: st.houseNature, officer: st.houseOfficer, officerPhone: st.houseOfficerPhone, province: st.province }));
  const gateway: GatewayRecord[] = src.switches.filter((x) => !x.retiredAt).map((x) => ({ gatewayId: x.id, houseId: houseOfRoom(x.roomId), name: x.name, model: x.model, uplinkMbps: x.uplinkMbps }));
  const occupiedFrames = new Set(src.servers.filter((x) => x.cabinetCode && x.siteName).map((x) => frameId(siteByName.get(x.siteName!)?.code ?? '', x.cabinetCode!)));
  const frame: FrameRecord[] = src.cabinets
    .filter((x) => !x.cabinet.retiredAt)
    .map(({ cabinet: c }) => {
      const houseId = houseOfRoom(c.roomId);
      const id = frameId(houseId, c.code);
      return { frameId: id, houseId, room: roomById.get(c.roomId)?.name ?? '', code: c.code, heightU: c.heightU, status: c.status, occupied: occupiedFrames.has(id) };
    });
  // the services depend on no segment: ready at once (a full export encodes them while the segments are sorted)
  const service: ServiceRecord[] = src.services.map((x) => ({
    serviceId: serviceId(x.customer_id, x.filing_number),
    userId: x.customer_id,
    contentType: 'website',
    filingType: x.use === 'commercial' ? 'icp_licence' : 'icp_filing',
    filingNumber: x.filing_number,
    psbNumber: s(x.psb_number),
    accessMethod: 'colocation',
    domains: x.domains,
    addresses: x.addresses,
  }));
  // each user's ranges per house, as the text of occupied space's ipSegments: a million small strings kept to the
  // end (and promoted through every garbage collection on the way) cost more than building that text
  const segmentsByUserHouse = new Map<string, Map<string, RangeList>>();

  return {
    operator,
    house,
    gateway,
    frame,
    service,
    /** The next segments' records, in the order given; call with every segment before `rest`. */
    segments(rows: readonly SegmentSource[]): IpSegmentRecord[] {
      return rows.map((x) => {
        if (x.customer_id && x.live) serving.add(x.customer_id);
        const u = x.customer_id && x.live ? usersById.get(x.customer_id) : undefined;
        const id = segmentId(x.pool_id, x.first_address);
        const houseId = x.site_id ? (siteById.get(x.site_id)?.code ?? '') : '';
        if (u) {
          let byHouse = segmentsByUserHouse.get(u.id);
          if (!byHouse) segmentsByUserHouse.set(u.id, (byHouse = new Map()));
          let list = byHouse.get(houseId);
          if (!list) byHouse.set(houseId, (list = new RangeList()));
          list.add(x.first_address, x.last_address);
        }
        return {
          segmentId: id,
          houseId,
          startIp: x.first_address,
          endIp: x.last_address,
          addresses: x.addresses,
          useType: x.customer_id && x.live ? 'static' : 'reserved',
          userId: u?.id ?? (x.live ? s(x.customer_id) : ''),
          userName: s(u?.verified_name ?? u?.name),
          userIdType: s(u?.verified_id_type),
          userIdNumber: s(u?.verified_id_number),
          allocatedOn: s(x.allocated_on),
          note: x.customer_id && !x.live ? 'quarantine' : s(x.reason),
        };
      });
    },
    /** The users, services (the same as `service`) and occupied space, once every segment has been through `segments`. */
    rest(): Pick<Register, 'user' | 'service' | 'occupied'> {
      const user: UserRecord[] = src.users.filter((u) => serving.has(u.id)).map(userRecord);
      const occupied: OccupiedRecord[] = src.servers
        .filter((x) => x.status !== 'removed' && x.cabinetCode && x.siteName)
        .map((x) => {
          const houseId = siteByName.get(x.siteName!)?.code ?? '';
          return {
            occupiedId: x.id,
            userId: x.customerId,
            houseId,
            frameId: frameId(houseId, x.cabinetCode!),
            bandwidthMbps: src.bandwidth.get(x.id) ?? 0,
            ipSegments: segmentsByUserHouse.get(x.customerId)?.get(houseId)?.text() ?? '',
            distributedOn: dateOf(x.rackedAt),
          };
        });
      return { user, service, occupied };
    },
  };
}

export function buildRegister(src: RegisterSources): Register {
  const b = registerBuilder(src);
  const ip_segment = b.segments(src.segments);
  return { operator: b.operator, house: b.house, gateway: b.gateway, frame: b.frame, ip_segment, ...b.rest() };
}

/** One reason a register cannot leave; the record it is about and a message key (both catalogs). */
export interface RegisterFailure {
  kind: RecordKind;
  recordKey: string;
  reason: 'user.notVerified' | 'user.idNumberInvalid' | 'service.filingInvalid' | 'service.userNotVerified' | 'segment.noUser' | 'operator.licenceMissing';
  detail?: string;
}

/**
 * Before a file leaves: the operator names its licence; every user has a verified real identity (a
 * verified business licence with a valid USCC); every service with a domain has a filing number in the right
 * form (a licence for commercial use, a filing otherwise) and a verified user; every IP segment has a user
 * or is reserved. Every failure is listed; a register with any is not exported at all.
 */
export function validateRegister(reg: Pick<Register, 'operator' | 'user' | 'service' | 'ip_segment'>): RegisterFailure[] {
  const failures: RegisterFailure[] = [];
  for (const o of reg.operator) if (!o.licenceNumber.trim()) failures.push({ kind: 'operator', recordKey: o.uscc || 'operator', reason: 'operator.licenceMissing' });
  const verified = new Set<string>();
  for (const u of reg.user) {
    const failure = userFailure(u);
    if (failure) failures.push(failure);
    else verified.add(u.userId);
  }
  for (const x of reg.service) {
    if (x.domains) {
      const check = checkFiling(x.filingType === 'icp_licence' ? 'commercial' : 'non_commercial', x.filingNumber, x.psbNumber || null);
      if (!check.valid) failures.push({ kind: 'service', recordKey: x.serviceId, reason: 'service.filingInvalid', detail: `${x.filingNumber} (${check.fields.map((f) => f.reason).join(', ')})` });
    }
    if (!verified.has(x.userId)) failures.push({ kind: 'service', recordKey: x.serviceId, reason: 'service.userNotVerified', detail: x.userId });
  }
  failures.push(...segmentFailures(reg.ip_segment, verified));
  return failures;
}

function userFailure(u: UserRecord): RegisterFailure | undefined {
  if (!u.idNumber || !u.verifiedOn) return { kind: 'user', recordKey: u.userId, reason: 'user.notVerified', detail: u.unitName };
  if (u.idType === 'uscc' && !validateUscc(u.idNumber).valid) return { kind: 'user', recordKey: u.userId, reason: 'user.idNumberInvalid', detail: u.idNumber };
  return undefined;
}

/**
 * The users whose identity passes validateRegister's check, among all of them (not only those in service):
 * what `segmentFailures` needs before the last segment has been seen. A segment's user is in service by being
 * one, so the verdicts are the same.
 */
export function verifiedUsers(users: readonly UserSource[]): Set<string> {
  const out = new Set<string>();
  for (const u of users) if (!userFailure(userRecord(u))) out.add(u.id);
  return out;
}

/** validateRegister's check of IP segments, for a batch of them: every segment has a verified user or is reserved. */
export function segmentFailures(segments: readonly IpSegmentRecord[], verified: ReadonlySet<string>): RegisterFailure[] {
  const failures: RegisterFailure[] = [];
  for (const x of segments) {
    if (x.useType === 'reserved') continue;
    if (!x.userId || !verified.has(x.userId)) failures.push({ kind: 'ip_segment', recordKey: x.segmentId, reason: 'segment.noUser', detail: `${x.startIp}-${x.endIp}` });
  }
  return failures;
}
