/**
 * What several areas of the web app show the same way. Pages import from here, not from each other.
 * - Money: integer fen as ￥12,345.60 · Instant: Beijing time to the minute · StatusTag: an enum value's label
 * - ExportLink: a list's CSV download · upload: a multipart request with the session's headers
 * - DocumentDownload: a generated document or export fetched with progress and a cancel · Elapsed: seconds since a start
 * - WorkProgress: long work done in one request (indeterminate bar, the step, the seconds)
 * - useConfirm: asks before a formal or irreversible act, naming the clause and the consequence
 */
export { useConfirm, type ConfirmOptions } from './confirm';
export { DocumentDownload, Elapsed, type DocumentDownloadProps } from './DocumentDownload';
export { ExportLink } from './ExportLink';
export { WorkProgress } from './WorkProgress';
export { Instant } from './Instant';
export { Money } from './Money';
export { OnboardingChecklist, type OnboardingChecklistProps } from './OnboardingChecklist';
export { StatusTag, type StatusTagProps } from './StatusTag';
export { upload } from './upload';
