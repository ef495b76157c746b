import { z } from 'zod';
import { IdParams, ItemsOf, RowVersion, Timestamp } from '../../http/dto.js';
import { CABINET_STATUSES, INSPECTION_ITEMS, RACKING_FACES, RACK_FACES, SERVER_STATUSES } from './facility.schema.js';

export { IdParams };
const name = (max = 100) => z.string().trim().min(1).max(max);

// ── the floor: sites (机房), rooms, cabinets (机柜) ─────────────────────
export const Site = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), address: z.string(), accessPoint: z.string(), createdAt: Timestamp, version: z.number(), retiredAt: Timestamp })
  .meta({ id: 'Site' });
export const Room = z.object({ id: z.uuid(), siteId: z.uuid(), name: z.string(), createdAt: Timestamp, version: z.number(), retiredAt: Timestamp }).meta({ id: 'Room' });
export const Cabinet = z
  .object({
    id: z.uuid(),
    roomId: z.uuid(),
    roomName: z.string().optional(),
    siteId: z.uuid().optional(),
    code: z.string(),
    heightU: z.number(),
    powerBudgetW: z.number(),
    status: z.enum(CABINET_STATUSES),
    createdAt: Timestamp,
    version: z.number(),
    positionRow: z.string().nullable(),
    positionColumn: z.number().nullable(),
    ratedCurrentA: z.number().nullable(),
    retiredAt: Timestamp,
  })
  .meta({ id: 'Cabinet' });

export const SiteList = ItemsOf(Site);
export const RoomList = ItemsOf(Room);
export const CabinetList = ItemsOf(Cabinet);
export const CreateSiteBody = z.object({ code: z.string().regex(/^[A-Z0-9-]{2,20}$/), name: name(), address: name(200), accessPoint: name() });
export const RoomQuery = z.object({ siteId: z.uuid().optional() });
export const CreateRoomBody = z.object({ siteId: z.uuid(), name: name() });
export const CabinetQuery = z.object({ roomId: z.uuid().optional() });
const CabinetFields = {
  heightU: z.number().int().min(1).max(60).optional(),
  powerBudgetW: z.number().int().min(1).max(1_000_000).optional(),
  ratedCurrentA: z.number().int().min(1).max(1000).nullable().optional(),
  positionRow: z.string().trim().max(10).nullable().optional(),
  positionColumn: z.number().int().min(1).max(999).nullable().optional(),
};
export const CreateCabinetBody = z.object({ roomId: z.uuid(), code: name(20), ...CabinetFields });
export const UpdateSiteBody = CreateSiteBody.partial().extend({ version: RowVersion });
export const UpdateRoomBody = z.object({ name: name().optional(), version: RowVersion });
export const UpdateCabinetBody = z.object({ code: name(20).optional(), status: z.enum(['active', 'reserved']).optional(), ...CabinetFields, version: RowVersion });
export const UtilisationQuery = z.object({
  roomId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  /** only cabinets with at least this share of their U in use (the NOC desk's 'nearly full' is 90) */
  minUsedPercent: z.coerce.number().int().min(0).max(100).optional(),
});
export const CabinetUtilisation = z
  .object({
    cabinetId: z.uuid(),
    code: z.string(),
    roomId: z.uuid(),
    heightU: z.number(),
    powerBudgetW: z.number(),
    ratedCurrentA: z.number().nullable(),
    positionRow: z.string().nullable(),
    positionColumn: z.number().nullable(),
    status: z.enum(CABINET_STATUSES),
    usedU: z.number(),
    powerW: z.number(),
    servers: z.number(),
  })
  .meta({ id: 'CabinetUtilisation' });
export const RoomUtilisation = z
  .object({ roomId: z.uuid(), name: z.string(), siteId: z.uuid(), siteName: z.string(), cabinets: z.number(), totalU: z.number(), usedU: z.number(), powerBudgetW: z.number(), powerW: z.number() })
  .meta({ id: 'RoomUtilisation' });
export const CabinetUtilisationList = ItemsOf(CabinetUtilisation);
export const RoomUtilisationList = ItemsOf(RoomUtilisation);
/** One placement on the elevation; the server's fields are null when a customer looks at another's. */
export const ElevationSlot = z
  .object({
    face: z.enum(RACK_FACES),
    lowest: z.number(),
    highest: z.number(),
    serverId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    brand: z.string().nullable(),
    model: z.string().nullable(),
    serialNumber: z.string().nullable(),
    name: z.string().nullable(),
    powerW: z.number().nullable(),
    own: z.boolean(),
  })
  .meta({ id: 'ElevationSlot' });
export const Elevation = z.object({ cabinet: Cabinet, siteName: z.string(), slots: z.array(ElevationSlot), usedU: z.number(), powerW: z.number() }).meta({ id: 'Elevation' });
/** The rack elevation is an SVG document. */
export const ElevationSvg = z.string().meta({ description: 'the rack elevation, both faces (image/svg+xml)' });

// ── servers (第二条) ──────────────────────────────────────────────────
export const Server = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string().optional(),
    contractId: z.uuid().nullable(),
    brand: z.string(),
    model: z.string(),
    serialNumber: z.string(),
    name: z.string().nullable().optional(),
    /** a NetBox import made up its serial number or name (TBD-…): someone must enter the real one */
    needsCompletion: z.boolean().optional(),
    heightU: z.number(),
    powerW: z.number(),
    status: z.enum(SERVER_STATUSES),
    rackedAt: Timestamp,
    removedAt: Timestamp,
    version: z.number(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Server' });

export const InspectionPhoto = z
  .object({ id: z.uuid(), item: z.enum(INSPECTION_ITEMS), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), createdAt: Timestamp })
  .meta({ id: 'InspectionPhoto' });
export const InspectionItemResult = z
  .object({ item: z.enum(INSPECTION_ITEMS), ok: z.boolean(), note: z.string().nullable(), photos: z.array(InspectionPhoto) })
  .meta({ id: 'InspectionItemResult' });
export const Inspection = z
  .object({
    id: z.uuid(),
    serverId: z.uuid(),
    customerId: z.uuid(),
    inspectorId: z.string().nullable(),
    powerSupplies: z.boolean(),
    rails: z.boolean(),
    interfaces: z.boolean(),
    labelling: z.boolean(),
    passed: z.boolean(),
    notes: z.string().nullable(),
    inspectedAt: Timestamp,
    /** each item with its note and photos (inspections recorded before issue 18 have no notes) */
    items: z.array(InspectionItemResult),
  })
  .meta({ id: 'ServerInspection' });

export const PortAssignment = z
  .object({
    id: z.uuid(),
    portId: z.uuid(),
    serverId: z.uuid(),
    customerId: z.uuid(),
    interfaceName: z.string(),
    bandwidthMbps: z.number(),
    shared: z.boolean(),
    assignedAt: Timestamp,
    releasedAt: Timestamp,
    portName: z.string().optional(),
    switchName: z.string().optional(),
  })
  .meta({ id: 'PortAssignment' });

export const ServerPlacement = z
  .object({ cabinetId: z.uuid(), cabinetCode: z.string(), roomName: z.string(), siteName: z.string(), faces: z.array(z.enum(RACK_FACES)), lowest: z.number(), highest: z.number() })
  .meta({ id: 'ServerPlacement' });
export const ServerDetail = Server.extend({ placement: ServerPlacement.nullable(), ports: z.array(PortAssignment), inspections: z.array(Inspection) }).meta({ id: 'ServerDetail' });

export const ServerFilterQuery = z.object({ customerId: z.uuid().optional(), status: z.enum(SERVER_STATUSES).optional() });
export const ServerListQuery = ServerFilterQuery.extend({ page: z.coerce.number().int().min(1).optional(), pageSize: z.coerce.number().int().min(1).max(200).optional() });
/** Without page/pageSize every server (up to the list limit); with them one page and the total. */
export const ServerList = z.object({ items: z.array(Server), total: z.number().int().optional() });
export const CreateServerBody = z.object({
  customerId: z.uuid(),
  brand: name(50),
  model: name(50),
  serialNumber: name(60),
  name: name(64).nullable().optional(),
  heightU: z.number().int().min(1).max(10),
  powerW: z.number().int().min(1).max(10_000).optional(),
  contractId: z.uuid().nullable().optional(),
});
const itemNote = z.string().max(500).nullable().optional();
export const InspectionBody = z.object({
  powerSupplies: z.boolean(),
  rails: z.boolean(),
  interfaces: z.boolean(),
  labelling: z.boolean(),
  notes: z.string().max(500).nullable().optional(),
  /** the inspector's note on each item */
  itemNotes: z.object({ powerSupplies: itemNote, rails: itemNote, interfaces: itemNote, labelling: itemNote }).optional(),
});
export const ImportServersBody = z.object({ customerId: z.uuid(), csv: z.string().min(1).max(1_000_000) });
export const ServerImportRow = z
  .object({ line: z.number(), serialNumber: z.string(), status: z.enum(['created', 'refused']), serverId: z.uuid().nullable(), message: z.string().nullable(), fields: z.array(z.object({ path: z.string(), message: z.string() })) })
  .meta({ id: 'ServerImportRow' });
export const ServerImportReport = z.object({ created: z.number(), refused: z.number(), rows: z.array(ServerImportRow) }).meta({ id: 'ServerImportReport' });
export const InspectionPhotoParams = z.object({ id: z.uuid(), inspectionId: z.uuid() });
export const RackBody = z.object({ cabinetId: z.uuid(), lowestU: z.number().int().min(1).max(60), face: z.enum(RACKING_FACES) });
/** The statuses a person sets by hand; racking and removal have their own routes. */
export const MANUAL_SERVER_STATUSES = ['commissioning', 'in_service', 'suspended'] as const satisfies readonly (typeof SERVER_STATUSES)[number][];
export const ServerStatusBody = z.object({ status: z.enum(MANUAL_SERVER_STATUSES) });

// ── the network: switches, ports (6.1) ────────────────────────────────
export const Switch = z
  .object({ id: z.uuid(), roomId: z.uuid(), cabinetId: z.uuid().nullable(), name: z.string(), model: z.string(), uplinkMbps: z.number(), createdAt: Timestamp, version: z.number(), retiredAt: Timestamp })
  .meta({ id: 'Switch' });
export const SwitchPort = z.object({ id: z.uuid(), name: z.string(), speedMbps: z.number() }).meta({ id: 'SwitchPort' });
export const SwitchList = ItemsOf(Switch);
export const CreatedSwitch = Switch.extend({ ports: z.array(SwitchPort) }).meta({ id: 'CreatedSwitch' });
export const PortList = z.object({ items: z.array(SwitchPort.extend({ assignment: PortAssignment.nullable() })) });
export const CreateSwitchBody = z.object({
  roomId: z.uuid(),
  cabinetId: z.uuid().nullable().optional(),
  name: name(50),
  model: name(50),
  uplinkMbps: z.number().int().min(1).optional(),
  portCount: z.number().int().min(0).max(96),
  portSpeedMbps: z.number().int().min(1).optional(),
});
export const UpdateSwitchBody = z.object({ cabinetId: z.uuid().nullable().optional(), name: name(50).optional(), model: name(50).optional(), uplinkMbps: z.number().int().min(1).optional(), version: RowVersion });
export const AddPortsBody = z.object({ count: z.number().int().min(1).max(96), speedMbps: z.number().int().min(1).optional() });
export const AddedPorts = ItemsOf(SwitchPort);
export const UpdatePortBody = z.object({ name: name(30).optional(), speedMbps: z.number().int().min(1).optional() });
export const AssignPortBody = z.object({ portId: z.uuid(), interfaceName: name(30), bandwidthMbps: z.number().int().min(1).optional() });
export const BandwidthQuery = z.object({ customerId: z.uuid().optional() });
export const CustomerBandwidth = z.object({ customerId: z.uuid(), ports: z.number(), portMbps: z.number(), uplinkMbps: z.number() }).meta({ id: 'CustomerBandwidth' });
export const BandwidthList = ItemsOf(CustomerBandwidth);
