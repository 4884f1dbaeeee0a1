// The health feature's public surface: Test Connection (on demand and scheduled), the integration's health, and
// their routes.
export { CHECK_INTEGRATIONS_JOB, healthJobs, scheduleHealthChecks, TEST_CONNECTION_JOB, type RecordTenantHealth, type TestConnectionJobPayload } from './health-jobs.js';
export { registerTestConnectionRoutes, type TestConnectionServices } from './test-connection-routes.js';
export { HEALTH_EVENT_TYPES } from './events.js';
