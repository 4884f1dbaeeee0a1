// Group membership beyond direct members: /groups/{id}/transitiveMembers (group-list-transitivemembers).
import { collection } from '../graph-response.js';
import type { GraphRoute } from '../graph-router.js';
import { directoryObjectShape, groupMembers, memberObject } from '../resources/group-members.js';
import { findGroup } from './directory-routes.js';

export const membershipRoutes: GraphRoute[] = [
  {
    path: '/groups/{group}/transitiveMembers',
    handler: (req) =>
      collection(req, { shape: directoryObjectShape, items: groupMembers(req, findGroup(req, req.params.group!), true), resource: (m) => memberObject(req, m), context: 'directoryObjects' }),
  },
];
