import { AppError } from '../../core/errors.js';
import type { Scope } from '../../core/scope.js';
import type { FileStore } from '../../files/file-store.js';
import { sniffDocumentType, type DocumentType } from '../../files/sniff.js';
import type { ServersService } from '../facility/servers.service.js';

/*
 * What the declarations, complaints and inspections services share: the document a person files
 * (an agreement, complaint evidence, an authorisation scan), who acted, and the server acted on.
 */

/** A file as a form delivers it; its type is decided by its content, never its name. */
export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

export interface StoredDocument {
  sha256: string;
  contentType: DocumentType;
  fileName: string;
}

/** Stores a PDF/JPEG/PNG in the file store; anything else (or nothing) is a 400 on `path`. */
export function storeDocument(files: FileStore, file: Upload, path = 'file'): StoredDocument {
  if (file.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'kyc.fileEmpty' }]);
  const contentType = sniffDocumentType(file.bytes);
  if (!contentType) throw new AppError('VALIDATION_FAILED', {}, [{ path, key: 'kyc.fileType' }]);
  return { sha256: files.put(file.bytes).sha256, contentType, fileName: file.fileName.slice(0, 200) };
}

/** The user recorded as having acted (a person; a token or the system records none). */
export const actorId = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.userId : null);
/** Who acted, as a name for a system scope acting on their behalf. */
export const actorName = (scope: Scope) => (scope.kind === 'staff' || scope.kind === 'customer' ? scope.login : scope.kind === 'system' ? scope.reason : scope.name);

/** The server acted on, as the scope may see it; else 404. */
export async function serverOf(servers: Pick<ServersService, 'findServer'>, scope: Scope, serverId: string) {
  const server = await servers.findServer(scope, serverId);
  if (!server) throw new AppError('NOT_FOUND', { entity: 'server' });
  return server;
}
