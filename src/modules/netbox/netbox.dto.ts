import { z } from 'zod';
import { NETBOX_FILES, NETBOX_KINDS, type NetboxKind } from './netbox.service.js';

const csvText = z.string().max(5_000_000).optional();
export const ROW_STATUSES = ['ok', 'error'] as const;

export const ImportBody = z.object({ dryRun: z.boolean().default(true), sites: csvText, racks: csvText, devices: csvText, ipAddresses: csvText });
export const RowReport = z
  .object({ line: z.number(), status: z.enum(ROW_STATUSES), ref: z.string(), code: z.string().optional(), reason: z.string().optional(), fields: z.array(z.object({ path: z.string(), message: z.string() })).optional() })
  .meta({ id: 'NetboxRowReport' });
export const ImportReport = z
  .object({ dryRun: z.boolean(), ok: z.number(), rejected: z.number(), files: z.array(z.object({ kind: z.enum(NETBOX_KINDS as [NetboxKind, ...NetboxKind[]]), file: z.string(), rows: z.array(RowReport) })) })
  .meta({ id: 'NetboxImportReport' });

/** The export's file name (sites.csv, …) → the kind of NetBox object. */
export const FILE_KIND = Object.fromEntries(NETBOX_KINDS.map((k) => [NETBOX_FILES[k].file, k])) as Record<string, NetboxKind>;
export const ExportParams = z.object({ file: z.enum(Object.keys(FILE_KIND) as [string, ...string[]]) });
