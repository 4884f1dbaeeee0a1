// Sending mail as a user (delegated, their connection) or as a mailbox of the tenant (application, Mail.Send):
// the hub's request becomes Graph's sendMail body (https://learn.microsoft.com/graph/api/user-sendmail), attachments
// inline as fileAttachment with contentBytes.
import type { SendMailBody } from '../../contract/action-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import type { MailFile } from './mail-attachments.js';

export const recipients = (addresses: readonly string[] | undefined) => (addresses ?? []).map((address) => ({ emailAddress: { address } }));

/** `files`: the attachments, each already read (inline ones as given, the hub's by id from its store). */
export function graphSendMailBody(input: SendMailBody, files: readonly MailFile[]) {
  return {
    message: {
      subject: input.subject,
      body: { contentType: input.body.contentType === 'html' ? 'HTML' : 'Text', content: input.body.content },
      toRecipients: recipients(input.to),
      ccRecipients: recipients(input.cc),
      ...(files.length
        ? {
            attachments: files.map((a) => ({
              '@odata.type': '#microsoft.graph.fileAttachment',
              name: a.name,
              contentType: a.contentType,
              contentBytes: a.contentBase64,
            })),
          }
        : {}),
    },
    saveToSentItems: input.saveToSentItems ?? true,
  };
}

/** `readAttachment` reads an attachment of the hub named by id. */
export async function sendMail(graph: GraphClient, input: SendMailBody, sender: 'me' | { mailbox: string }, readAttachment: (attachmentId: string) => Promise<MailFile>): Promise<void> {
  const files: MailFile[] = [];
  for (const a of input.attachments ?? []) {
    files.push('attachmentId' in a ? await readAttachment(a.attachmentId) : { name: a.name, contentType: a.contentType ?? 'application/octet-stream', contentBase64: a.contentBase64 });
  }
  const path = sender === 'me' ? '/me/sendMail' : `/users/${encodeURIComponent(sender.mailbox)}/sendMail`;
  await graph.post(path, graphSendMailBody(input, files));
}
