// Field-by-field check of an AADSTS error body against the shape Microsoft documents
// (reference-error-codes.md "Handling error codes in your application"; token-responses.json error samples).
import assert from 'node:assert/strict';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function assertAadstsError(response: Response, expected: { status: number; error: string; code: number; suberror?: string; messageIncludes?: string }) {
  const text = await response.text();
  assert.equal(response.status, expected.status, `status (body: ${text})`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.match(response.headers.get('cache-control') ?? '', /no-store/);
  const body = JSON.parse(text) as Record<string, unknown>;
  const keys = ['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri', ...(expected.suberror ? ['suberror'] : [])];
  assert.deepEqual(Object.keys(body).sort(), keys.sort());
  assert.equal(body.error, expected.error);
  assert.deepEqual(body.error_codes, [expected.code]);
  assert.match(String(body.timestamp), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
  assert.match(String(body.trace_id), guid);
  assert.match(String(body.correlation_id), guid);
  assert.match(String(body.error_uri), new RegExp(`/error\\?code=${expected.code}$`));
  const description = String(body.error_description);
  const tail = `\r\nTrace ID: ${body.trace_id}\r\nCorrelation ID: ${body.correlation_id}\r\nTimestamp: ${body.timestamp}`;
  assert.ok(description.startsWith(`AADSTS${expected.code}: `), description);
  assert.ok(description.endsWith(tail), description);
  if (expected.messageIncludes) assert.ok(description.includes(expected.messageIncludes), description);
  if (expected.suberror) assert.equal(body.suberror, expected.suberror);
  return body;
}
