import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { IdGenerator } from '../../core/ids.js';
import { requirePermission, requireReader, type Scope } from '../../core/scope.js';
import type { FileStore } from '../../files/file-store.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ServersService } from '../facility/servers.service.js';
import { actorId, serverOf, storeDocument, type Upload } from './common.js';
import type { ComplianceRepository, InspectionRow } from './compliance.repository.js';

export interface InspectionInput {
  serverId: string;
  authority: string;
  documentNumber: string;
  inspectedAt: string;
  scope: string;
  staffPresent: string;
  withheld?: boolean;
  withheldReason?: string | null;
}

/** An inspection as it leaves the module: the scan is fetched through its own route, never by hash. */
const publicInspection = (i: InspectionRow) => {
  const { documentSha256: _h, ...rest } = i;
  return rest;
};

/**
 * 6.6 inspections: an authority inspects a customer's server on a written authorisation; the
 * provider records who, when, what and who was present, files the scan, and — on the authority's
 * instruction — withholds the record from the customer (the reason audited).
 */
export function makeInspectionsService(deps: {
  repo: ComplianceRepository;
  servers: Pick<ServersService, 'findServer'>;
  files: FileStore;
  audit: Pick<AuditService, 'record' | 'recordRead'>;
  clock: Clock;
  ids: IdGenerator;
}) {
  const { repo, audit, clock, ids } = deps;

  async function load(scope: Scope, id: string): Promise<InspectionRow> {
    const row = await repo.findInspection(scope, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection' });
    return row;
  }

  return {
    async recordInspection(scope: Scope, input: InspectionInput, file: Upload) {
      requirePermission(scope, 'inspection.record');
      const server = await serverOf(deps.servers, scope, input.serverId);
      const at = new Date(input.inspectedAt);
      if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'inspectedAt', key: 'field.invalid' }]);
      if (input.withheld && !input.withheldReason?.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'withheldReason', key: 'compliance.withheldReason' }]);
      const stored = storeDocument(deps.files, file);
      const row: InspectionRow = {
        id: ids.uuid(),
        customerId: server.customerId,
        serverId: server.id,
        authority: input.authority.trim(),
        documentNumber: input.documentNumber.trim(),
        documentSha256: stored.sha256,
        documentFileName: stored.fileName,
        documentContentType: stored.contentType,
        inspectedAt: at,
        scope: input.scope.trim(),
        staffPresent: input.staffPresent.trim(),
        withheld: input.withheld ?? false,
        withheldReason: input.withheld ? input.withheldReason!.trim() : null,
        recordedBy: actorId(scope),
        createdAt: clock.now(),
      };
      await repo.db.transaction(async (tx) => {
        await repo.insertInspection(tx, row);
        await audit.record(tx, scope, { action: 'inspection.record', entity: 'compliance_inspection', entityId: row.id, customerId: row.customerId, after: publicInspection(row) });
      });
      return publicInspection(row);
    },

    /** Withholding (on the authority's instruction) or releasing a record: the reason is required and audited. */
    async setWithheld(scope: Scope, id: string, input: { withheld: boolean; reason: string }) {
      requirePermission(scope, 'inspection.withhold');
      if (!input.reason.trim()) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'reason', key: 'compliance.withheldReason' }]);
      const before = await load(scope, id);
      return repo.db.transaction(async (tx) => {
        const after = await repo.updateInspection(tx, id, { withheld: input.withheld, withheldReason: input.withheld ? input.reason.trim() : null });
        await audit.record(tx, scope, { action: input.withheld ? 'inspection.withhold' : 'inspection.release', entity: 'compliance_inspection', entityId: id, customerId: before.customerId, before: publicInspection(before), after: { ...publicInspection(after), reason: input.reason.trim() } });
        return publicInspection(after);
      });
    },

    async inspections(scope: Scope, filter: { customerId?: string }) {
      requireReader(scope);
      return (await repo.inspections(scope, filter)).map(publicInspection);
    },

    /** The authorisation scan (a customer its own, unless withheld; the read audited). */
    async inspectionDocument(scope: Scope, id: string) {
      requireReader(scope);
      const row = await load(scope, id);
      await audit.recordRead(scope, { entity: 'compliance_inspection', entityId: id, customerId: row.customerId });
      return { bytes: deps.files.get(row.documentSha256), contentType: row.documentContentType, fileName: row.documentFileName };
    },
  };
}

export type InspectionsService = ReturnType<typeof makeInspectionsService>;
