/**
 * A value an import had to make up (a NetBox device without a serial number or a name) starts
 * with this mark; the server then shows as needing completion until someone enters the real one.
 */
export const PLACEHOLDER_MARK = 'TBD-';

export const needsCompletion = (server: { serialNumber: string; name?: string | null }) =>
  server.serialNumber.startsWith(PLACEHOLDER_MARK) || (server.name ?? '').startsWith(PLACEHOLDER_MARK);
