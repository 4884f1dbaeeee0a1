// The workspaces feature's public surface: workspaces and their members, and their routes.
export { createWorkspace } from './workspaces.js';
export { addMember } from './members.js';
export { registerMemberRoutes } from './member-routes.js';
export { registerWorkspaceRoutes } from './workspace-routes.js';
export { WORKSPACE_PROBLEMS } from './problems.js';
export { workspaceHomeUrl, workspaceUrl } from './workspace-subdomain.js';
export type * from './tables.js';
