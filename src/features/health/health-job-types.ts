// The job types of the health feature, in a module of their own so the health view can name them without
// importing the handlers (which import the view).
export const TEST_CONNECTION_JOB = 'health.test-connection';
export const CHECK_INTEGRATIONS_JOB = 'health.check-integrations';
