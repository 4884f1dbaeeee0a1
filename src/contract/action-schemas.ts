// Typed actions in Microsoft 365 (TypeBox): what a host backend sends, and what it gets back. Sending accepts an
// Idempotency-Key: a retry with the same key is answered from the first outcome and never sends twice.
import { Type, type Static } from 'typebox';
import { strict } from './common-schemas.js';

const Address = Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$', description: 'an e-mail address' });
const Addresses = Type.Array(Address, { maxItems: 100 });

export const SendMailBody = Type.Object(
  {
    mode: Type.Optional(Type.Union([Type.Literal('delegated'), Type.Literal('application')], { description: 'delegated (default): as the acting user (X-M365Hub-Acting-User); application: as `from`, with the app' })),
    from: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'application mode: the sending mailbox (user id or userPrincipalName)' })),
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'application mode: the customer tenant id, when the workspace has several' })),
    to: Type.Array(Address, { minItems: 1, maxItems: 100 }),
    cc: Type.Optional(Addresses),
    subject: Type.String({ maxLength: 998 }),
    body: Type.Object({ contentType: Type.Union([Type.Literal('text'), Type.Literal('html')]), content: Type.String({ maxLength: 1_000_000 }) }, strict),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 255 }),
            contentType: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
            contentBase64: Type.String({ maxLength: 4_000_000, description: 'the file, base64 (Graph takes attachments under 3 MB inline)' }),
          },
          strict,
        ),
        { maxItems: 20 },
      ),
    ),
    saveToSentItems: Type.Optional(Type.Boolean({ default: true })),
  },
  strict,
);
export type SendMailBody = Static<typeof SendMailBody>;

export const ActionAccepted = Type.Object(
  {
    action: Type.String({ description: 'what was done, e.g. mail.send' }),
    acceptedAt: Type.String({ format: 'date-time' }),
  },
  strict,
);
export type ActionAccepted = Static<typeof ActionAccepted>;
