// The identity layer's public surface: the one place calls to the Microsoft identity platform leave from.
export * from './aadsts-catalogue.js';
export * from './authorization-url.js';
export { createClientAssertion, prepareCertificate, type ClientCredentials } from './client-assertion.js';
export * from './granted-permissions.js';
export * from './identity-error.js';
export { IDENTITY_PROBLEMS } from './identity-problems.js';
export { createIdentityFetch, type FetchLike, type RetryPolicy } from './identity-fetch.js';
export * from './permission-catalogue.js';
export * from './setup-guide.js';
export { normaliseTenant } from './tenant-metadata.js';
export * from './token-client.js';
