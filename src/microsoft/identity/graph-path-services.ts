// Which of the catalogue's services a Microsoft Graph request belongs to, so the pass-through allows a call only
// when the workspace enabled that service (and so consented its permissions). The paths are those the services'
// permissions govern in Microsoft's permission reference (https://learn.microsoft.com/graph/permissions-reference)
// and each API page's "Permissions" table. A path in none of them is not covered by any service.
import type { Service } from './permission-catalogue.js';

interface PathRule {
  service: Service;
  /** Matched against the path after /v1.0 or /beta, lower case, without the query. */
  pattern: RegExp;
}

const ID = '[^/]+';
const USER = `(me|users/${ID})`;

const RULES: PathRule[] = [
  { service: 'onedrive', pattern: new RegExp(`^/(${USER}/drives?|drives)(/|$)`) },
  { service: 'sharepoint', pattern: /^\/sites(\/|$)/ },
  { service: 'teams-files', pattern: new RegExp(`^/(groups/${ID}/drives?|teams/${ID}/channels/${ID}/filesfolder)(/|$)`) },
  { service: 'teams-messages', pattern: new RegExp(`^/(teams/${ID}/channels/${ID}/messages|chats|${USER}/chats|${USER}/joinedteams|teams/${ID}/channels)(/|$)`) },
  { service: 'mail', pattern: new RegExp(`^/${USER}/(messages|mailfolders|sendmail)(/|$)`) },
  { service: 'calendar', pattern: new RegExp(`^/${USER}/(events|calendar|calendars|calendarview)(/|$)`) },
  {
    service: 'compliance',
    pattern: /^\/(identity\/conditionalaccess|security|reports|auditlogs|policies|admin\/sharepoint|rolemanagement|directoryroles|domains|identityprotection|subscribedskus)(\/|$)/,
  },
  { service: 'directory', pattern: new RegExp(`^/(users|groups|organization|applications|serviceprincipals|${USER}/memberof|${USER}/transitivememberof)(/|$)`) },
];

const normalise = (path: string) => path.toLowerCase().split('?')[0]!.replace(/\/+$/, '');

/** The service a Graph path belongs to, or undefined when no service of the catalogue covers it. */
export function serviceOfGraphPath(path: string): Service | undefined {
  const normalised = normalise(path);
  return RULES.find((rule) => rule.pattern.test(normalised))?.service;
}

/**
 * `/me` alone is the signed-in user's own profile: who the connection is, which any delegated connection may read
 * (Microsoft decides by the token's scopes), whatever services the workspace enabled.
 */
export function isOwnProfilePath(path: string): boolean {
  return normalise(path) === '/me';
}
