// The end of a sign-in started on the device login page: instead of an authorization code sent to a redirect URI,
// the waiting device authorization is approved (its next poll gets tokens) or declined, and the browser sees a
// confirmation page (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code "Authenticating the user").
import type { FastifyReply } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { User } from '../state/directory-types.js';
import { deviceSignedInPage } from '../ui/device-pages.js';
import type { AuthorizeInteraction } from './interaction-state.js';

export function finishDeviceSignIn(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: AuthorizeInteraction, answer: { user: User; scopes: string[] } | 'declined') {
  const authorization = p.deviceUserCode ? ctx.deviceCodes.findByUserCode(p.deviceUserCode) : undefined;
  if (authorization) {
    const session = ctx.sessions.find(p.sessionId);
    authorization.outcome =
      answer === 'declined'
        ? { kind: 'declined' }
        : { kind: 'approved', userId: answer.user.id, scopes: answer.scopes, authTime: session?.authTime ?? ctx.clock.now(), sessionId: session?.id ?? p.sessionId ?? pendingId, ...(session?.mfa ? { mfa: true } : {}) };
  }
  ctx.pending.finish(pendingId);
  const appName = ctx.directory.getApplication(p.clientId)?.displayName ?? p.clientId;
  return reply.code(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(deviceSignedInPage({ appName, approved: answer !== 'declined' }));
}
