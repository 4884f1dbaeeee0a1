// Sending mail as a user (delegated, their connection) or as a mailbox of the tenant (application, Mail.Send):
// the hub's request becomes Graph's sendMail body (https://learn.microsoft.com/graph/api/user-sendmail), attachments
// inline as fileAttachment with contentBytes.
import type { SendMailBody } from '../../contract/action-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';

const recipients = (addresses: readonly string[] | undefined) => (addresses ?? []).map((address) => ({ emailAddress: { address } }));

export function graphSendMailBody(input: SendMailBody) {
  return {
    message: {
      subject: input.subject,
      body: { contentType: input.body.contentType === 'html' ? 'HTML' : 'Text', content: input.body.content },
      toRecipients: recipients(input.to),
      ccRecipients: recipients(input.cc),
      ...(input.attachments?.length
        ? {
            attachments: input.attachments.map((a) => ({
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: a.name,
              contentType: a.contentType ?? 'application/octet-stream',
              contentBytes: a.contentBase64,
            })),
          }
        : {}),
    },
    saveToSentItems: input.saveToSentItems ?? true,
  };
}

export async function sendMail(graph: GraphClient, input: SendMailBody, sender: 'me' | { mailbox: string }): Promise<void> {
  const path = sender === 'me' ? '/me/sendMail' : `/users/${encodeURIComponent(sender.mailbox)}/sendMail`;
  await graph.post(path, graphSendMailBody(input));
}
