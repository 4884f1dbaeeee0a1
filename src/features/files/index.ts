// The files feature's public surface: browsing a user's Microsoft 365 files, attachments (links and copies) of the
// host product's records, their jobs, and problem codes.
export { FilesBrowser } from './browse-service.js';
export { AttachmentService, type AttachmentServiceDeps } from './attachment-service.js';
export { registerFilesRoutes } from './files-routes.js';
export { registerAttachmentRoutes } from './attachment-routes.js';
export { copyJobs } from './copy-job.js';
export { linkRefreshJobs, scheduleLinkRefresh } from './link-refresh-job.js';
export { FILES_COPY_JOB, FILES_REFRESH_LINKS_JOB } from './files-job-types.js';
export { FILES_PROBLEMS } from './problems.js';
export type { FilesMicrosoft } from './files-graph.js';
export type * from './tables.js';
export { toAttachment } from './attachment-store.js';
export { withRetryAfter } from './files-routes.js';
