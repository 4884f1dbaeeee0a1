// Device authorization grants (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code): a
// device_code the client polls with and a short user_code the user types on the device login page. Both lapse after
// 15 minutes ("the user has 15 minutes to sign in. This is the default value for expires_in"); a lapsed code stays
// known so a late poll answers expired_token rather than bad_verification_code.
import { randomBytes, randomInt } from 'node:crypto';
import type { ScopeRequest } from '../identity/scope-request.js';
import { ExpiringMap } from './expiring-map.js';

export const deviceCodeLifetimeSeconds = 900;
/** Microsoft answers `interval: 5` (the documented sample and every captured response). */
export const devicePollIntervalSeconds = 5;

export interface DeviceAuthorization {
  tenantSegment: string;
  tenantId?: string;
  clientId: string;
  userCode: string;
  scopes: ScopeRequest;
  /** The poll interval the client must keep; RFC 8628 section 3.5 adds 5 s each time a client polls too fast. */
  intervalSeconds: number;
  lastPollAt?: number;
  outcome: { kind: 'pending' } | { kind: 'declined' } | { kind: 'approved'; userId: string; scopes: string[]; authTime: number; sessionId: string; mfa?: boolean } | { kind: 'redeemed' };
}

// Microsoft's user codes are 9 letters and digits without look-alikes (captured: "YZMYLD4K", "GHVSQ5Q6X").
const userCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export class DeviceCodes {
  private byDeviceCode: ExpiringMap<DeviceAuthorization>;
  private byUserCode: ExpiringMap<string>;

  constructor(private readonly now: () => number) {
    this.byDeviceCode = new ExpiringMap(now, deviceCodeLifetimeSeconds * 1000);
    this.byUserCode = new ExpiringMap(now, deviceCodeLifetimeSeconds * 1000);
  }

  issue(request: Omit<DeviceAuthorization, 'userCode' | 'intervalSeconds' | 'outcome'>): { deviceCode: string; authorization: DeviceAuthorization } {
    const deviceCode = `DAQABIQEAAA${randomBytes(96).toString('base64url')}`;
    const userCode = Array.from({ length: 9 }, () => userCodeAlphabet[randomInt(userCodeAlphabet.length)]).join('');
    const authorization: DeviceAuthorization = { ...request, userCode, intervalSeconds: devicePollIntervalSeconds, outcome: { kind: 'pending' } };
    this.byDeviceCode.set(deviceCode, authorization);
    this.byUserCode.set(userCode, deviceCode);
    return { deviceCode, authorization };
  }

  /** The grant a poll names, with whether it lapsed. */
  find(deviceCode: string): { authorization: DeviceAuthorization; expired: boolean } | undefined {
    const found = this.byDeviceCode.peek(deviceCode);
    return found ? { authorization: found.value, expired: found.expired } : undefined;
  }

  /** The pending grant a user code names (case and spaces as a user types them are forgiven). */
  findByUserCode(typed: string): DeviceAuthorization | undefined {
    const deviceCode = this.byUserCode.get(typed.replace(/[\s-]/g, '').toUpperCase());
    const authorization = deviceCode ? this.byDeviceCode.get(deviceCode) : undefined;
    return authorization?.outcome.kind === 'pending' ? authorization : undefined;
  }

  /** Records a poll; true when it came sooner than the interval since the previous one (then the interval grows). */
  pollTooSoon(authorization: DeviceAuthorization): boolean {
    const now = this.now();
    const tooSoon = authorization.lastPollAt !== undefined && now - authorization.lastPollAt < authorization.intervalSeconds * 1000;
    authorization.lastPollAt = now;
    if (tooSoon) authorization.intervalSeconds += 5;
    return tooSoon;
  }

  clear(): void {
    this.byDeviceCode.clear();
    this.byUserCode.clear();
  }
}
