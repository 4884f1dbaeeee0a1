import type { EmulatorContext } from '../../server/emulator-context.js';
import type { Application } from '../../state/directory-types.js';
import type { ProtocolParams } from '../request-params.js';
import type { TenantSegment } from '../tenant-resolver.js';
import type { ClientAuthMethod } from '../token-minter.js';

/** A token request after the checks every grant shares: tenant, client and client authentication. */
export interface GrantRequest {
  ctx: EmulatorContext;
  params: ProtocolParams;
  tenant: Exclude<TenantSegment, { kind: 'unknown' | 'consumers' }>;
  origin: string;
  app: Application;
  clientAuth: ClientAuthMethod;
  /** The caller's address, for conditional access location conditions. */
  ipAddress: string;
}

export type TokenResponseBody = Record<string, string | number>;
