import { z } from 'zod';
import { NETBOX_FILES, NETBOX_KINDS, type NetboxKind } from './netbox.columns.js';
import { EXPORT_COLUMNS, ROLE_ACTIONS, ROW_STATUSES, type ExportKind } from './netbox.service.js';

const csvText = z.string().max(5_000_000).optional();
const Counts = z.object(Object.fromEntries(ROW_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof ROW_STATUSES)[number], z.ZodNumber>).meta({ id: 'NetboxCounts' });
const Kind = z.enum(NETBOX_KINDS as unknown as [NetboxKind, ...NetboxKind[]]).meta({ id: 'NetboxKind' });
const RoleAction = z.enum(ROLE_ACTIONS).meta({ id: 'NetboxRoleAction' });

export const ImportBody = z.object({
  /** true: the preview (the same run, rolled back) */
  dryRun: z.boolean().default(true),
  sites: csvText,
  racks: csvText,
  prefixes: csvText,
  devices: csvText,
  interfaces: csvText,
  ipAddresses: csvText,
  /** what each NetBox device role becomes; roles left out get the suggested mapping */
  roles: z.array(z.object({ role: z.string(), action: RoleAction })).max(1000).optional(),
  /** the customer each NetBox tenant is (null: none); tenants left out map to a customer of the same name, if any */
  tenants: z.array(z.object({ tenant: z.string(), customerId: z.uuid().nullable() })).max(5000).optional(),
});
export const RowReport = z
  .object({
    line: z.number(),
    status: z.enum(ROW_STATUSES),
    ref: z.string(),
    note: z.string().optional(),
    code: z.string().optional(),
    reason: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'NetboxRowReport' });
export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    counts: Counts,
    files: z.array(z.object({ kind: Kind, file: z.string(), counts: Counts, rows: z.array(RowReport) })),
    roles: z.array(z.object({ role: z.string(), devices: z.number().int(), action: RoleAction }).meta({ id: 'NetboxRoleMapping' })),
    tenants: z.array(z.object({ tenant: z.string(), rows: z.number().int(), customerId: z.uuid().nullable(), customerName: z.string().nullable() }).meta({ id: 'NetboxTenantMapping' })),
  })
  .meta({ id: 'NetboxImportReport' });

/** The export's file name (sites.csv, …) → the kind of NetBox object. */
export const FILE_KIND = Object.fromEntries((Object.keys(EXPORT_COLUMNS) as ExportKind[]).map((k) => [NETBOX_FILES[k].file, k])) as Record<string, ExportKind>;
export const ExportParams = z.object({ file: z.enum(Object.keys(FILE_KIND) as [string, ...string[]]) });
