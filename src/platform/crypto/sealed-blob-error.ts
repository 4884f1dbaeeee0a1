// Why a sealed blob did not open. The codes are stable: callers and operators act on them, and none of them
// carries the blob or any part of the plaintext.
export type SealedBlobErrorCode = 'sealed_blob_tampered' | 'sealed_blob_unknown_key' | 'sealed_blob_malformed';

const MESSAGES: Record<SealedBlobErrorCode, string> = {
  sealed_blob_tampered:
    'the sealed value failed authentication: it was altered, or copied from another row or column',
  sealed_blob_unknown_key:
    'the sealed value names an encryption key that is not in the key ring; add the old key back to M365HUB_ENCRYPTION_KEYS (after the newest)',
  sealed_blob_malformed: 'the stored value is not a sealed value of a known format',
};

export class SealedBlobError extends Error {
  constructor(
    readonly code: SealedBlobErrorCode,
    /** Where the blob was read from (no secret: table, column and row id only). */
    readonly where?: string,
  ) {
    super(where ? `${MESSAGES[code]} (${where})` : MESSAGES[code]);
    this.name = 'SealedBlobError';
  }
}
