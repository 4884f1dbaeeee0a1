// The files feature's job types, in a module of their own so the service can enqueue them without importing the
// handlers.
export const FILES_COPY_JOB = 'files.copy';
export const FILES_REFRESH_LINKS_JOB = 'files.refresh-links';
