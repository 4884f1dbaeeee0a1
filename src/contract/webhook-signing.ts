// The webhook signature scheme, shared by the hub that signs and the typed client that verifies: HMAC-SHA256 over
// `<unix seconds>.<raw body>` with the endpoint's secret, in one header `M365Hub-Signature: t=<unix seconds>,v1=<hex>`.
// The timestamp inside the signed text lets a receiver refuse replays; `v1` names the scheme so it can change
// without breaking receivers; several `v1` values appear during a secret rotation.
export const WEBHOOK_SIGNATURE_HEADER = 'm365hub-signature';
export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

export const webhookSignedText = (timestamp: number, rawBody: string): string => `${timestamp}.${rawBody}`;
