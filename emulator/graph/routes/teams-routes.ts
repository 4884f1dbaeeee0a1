// Teams endpoints: /teams ($top), /me/joinedTeams, /teams/{id}/channels. Shapes in resources/teams-resources.ts.
import { graphErrors } from '../graph-errors.js';
import { collection } from '../graph-response.js';
import { signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import { channelResources, channelShape, teamResource, teamShape } from '../resources/teams-resources.js';

const groupsOf = (req: GraphRouteRequest) => req.ctx.directory.groupsOf(req.tenant.id);

export const teamsRoutes: GraphRoute[] = [
  { path: '/teams', handler: (req) => collection(req, { shape: teamShape, items: groupsOf(req).map((g) => teamResource(g, req.tenant)), context: 'teams' }) },
  {
    path: '/me/joinedTeams',
    handler: (req) => {
      const me = signedInUser(req);
      const joined = groupsOf(req).filter((g) => g.memberIds.includes(me.id));
      return collection(req, { shape: teamShape, items: joined.map((g) => teamResource(g, req.tenant)), context: 'teams' });
    },
  },
  {
    path: '/teams/{team}/channels',
    handler: (req) => {
      const group = groupsOf(req).find((g) => g.id === req.params.team!.toLowerCase());
      if (!group) throw graphErrors.resourceNotFound(req.params.team!);
      return collection(req, { shape: channelShape, items: channelResources(group, req.tenant), context: `teams('${group.id}')/channels` });
    },
  },
];
