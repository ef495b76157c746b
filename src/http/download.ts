/**
 * The Content-Disposition of a download whose name may be Chinese (合同编号-服务器托管协议.pdf): RFC 6266
 * with the RFC 5987 UTF-8, percent-encoded form, which browsers save under the name as written.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
