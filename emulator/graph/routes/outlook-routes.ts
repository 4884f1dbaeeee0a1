// Outlook endpoints: /me/mailFolders/{folder}, /users/{id}/mailFolders/{folder}, /me/calendar (events: calendar/calendar-routes.ts).
// A delegated token reads only its own user's mailbox through /users/{id}/… (otherwise Exchange answers
// ErrorAccessDenied, https://learn.microsoft.com/graph/api/mailfolder-get); an application token reads any.
import { GraphError } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { findUser, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { calendarResource, calendarShape, mailFolderResource, mailFolderShape } from '../resources/outlook-resources.js';
import type { User } from '../../state/directory-types.js';

function folder(req: GraphRouteRequest, user: User) {
  const name = req.params.folder!;
  const resource = mailFolderResource(user, name);
  if (!resource) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return entity(req, mailFolderShape, resource, `users('${user.id}')/mailFolders`);
}

/** Another user's mailbox through /users/{id}/…: any for an application token, only one's own when delegated. */
function mailboxOwner(req: GraphRouteRequest): User {
  const user = findUser(req, req.params.user!);
  if (req.caller.kind === 'delegated' && user.id !== req.caller.userId) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  return user;
}

const calendar = (req: GraphRouteRequest, user: User) => entity(req, calendarShape, calendarResource(user), `users('${user.id}')/calendar`);

export const outlookRoutes: GraphRoute[] = [
  { path: '/me/mailFolders/{folder}', handler: (req) => folder(req, signedInUser(req)) },
  { path: '/users/{user}/mailFolders/{folder}', handler: (req) => folder(req, mailboxOwner(req)) },
  { path: '/me/calendar', handler: (req) => calendar(req, signedInUser(req)) },
  { path: '/users/{user}/calendar', handler: (req) => calendar(req, mailboxOwner(req)) },
];

