// Request and response schemas of the HTTP API (TypeBox, i.e. JSON Schema). Routes validate with them, the OpenAPI
// document is generated from them, and the console and tests import the same types. Pure data: safe to import in
// the browser bundle.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';

export { IsoTime, ListOf, ListQuery, NullableIsoTime, WorkspaceId } from './common-schemas.js';

// ----- identifiers -----
export const UserId = idPattern('usr');
export const ApiKeyId = idPattern('key');
export const JobId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'opaque job id' });

export const WorkspaceParams = Type.Object({ workspaceId: WorkspaceId }, strict);
export const MemberParams = Type.Object({ workspaceId: WorkspaceId, userId: UserId }, strict);
export const ApiKeyParams = Type.Object({ workspaceId: WorkspaceId, apiKeyId: ApiKeyId }, strict);
export const JobParams = Type.Object({ workspaceId: WorkspaceId, jobId: JobId }, strict);

// ----- problems -----
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }, strict))),
  },
  { ...strict, description: 'application/problem+json (RFC 9457)' },
);
export type Problem = Static<typeof Problem>;

// ----- auth -----
const Email = Type.String({ format: 'email', minLength: 3, maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const SignInBody = Type.Object({ email: Email, password: Password }, strict);
export type SignInBody = Static<typeof SignInBody>;

export const User = Type.Object(
  { id: Type.String(), email: Type.String(), displayName: Type.String(), isInstanceAdmin: Type.Boolean() },
  strict,
);
export type User = Static<typeof User>;

export const Session = Type.Object(
  { user: User, csrfToken: Type.String({ description: 'send as X-CSRF-Token on POST/PUT/PATCH/DELETE' }) },
  strict,
);
export type Session = Static<typeof Session>;

// ----- workspaces -----
const WorkspaceName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const WorkspaceRole = Type.Union([Type.Literal('admin'), Type.Literal('member')]);
export type WorkspaceRole = Static<typeof WorkspaceRole>;

export const Workspace = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    subdomain: Type.String({ description: "the workspace's subdomain of the host product" }),
    url: Type.Union([Type.String(), Type.Null()], { description: 'the workspace\'s own URL, https://<subdomain>.<FRONTEND_URL host>; null when FRONTEND_URL is not set' }),
    role: Type.Union([WorkspaceRole, Type.Literal('api_key')], { description: "the caller's role; `api_key` for API-key callers" }),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  },
  strict,
);
export type Workspace = Static<typeof Workspace>;
export const WorkspaceList = ListOf(Workspace);
export type WorkspaceList = Static<typeof WorkspaceList>;
const Subdomain = (description: string) =>
  Type.String({ minLength: 1, maxLength: 63, pattern: '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$', description });
export const CreateWorkspaceBody = Type.Object(
  {
    name: WorkspaceName,
    subdomain: Type.Optional(Subdomain('default: from the name, made unique')),
  },
  strict,
);
export type CreateWorkspaceBody = Static<typeof CreateWorkspaceBody>;
export const UpdateWorkspaceBody = Type.Object(
  {
    name: Type.Optional(WorkspaceName),
    subdomain: Type.Optional(Subdomain("the workspace's own URL label (https://<subdomain>.<FRONTEND_URL host>); 409 when another workspace has it")),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateWorkspaceBody = Static<typeof UpdateWorkspaceBody>;

// ----- members -----
export const Member = Type.Object(
  { userId: Type.String(), email: Type.String(), displayName: Type.String(), role: WorkspaceRole, createdAt: IsoTime },
  strict,
);
export type Member = Static<typeof Member>;
export const MemberList = ListOf(Member);
export type MemberList = Static<typeof MemberList>;
export const AddMemberBody = Type.Object(
  {
    email: Email,
    role: WorkspaceRole,
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024, description: 'creates a new console user with this password' })),
  },
  strict,
);
export type AddMemberBody = Static<typeof AddMemberBody>;
export const UpdateMemberBody = Type.Object({ role: WorkspaceRole }, strict);
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

// ----- API keys -----
export const ApiKey = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    prefix: Type.String({ description: 'the visible start of the key, to recognise it' }),
    createdAt: IsoTime,
    createdBy: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: NullableIsoTime,
    revokedAt: NullableIsoTime,
  },
  strict,
);
export type ApiKey = Static<typeof ApiKey>;
export const ApiKeyList = ListOf(ApiKey);
export type ApiKeyList = Static<typeof ApiKeyList>;
export const CreatedApiKey = Type.Object(
  { ...ApiKey.properties, key: Type.String({ description: 'the key itself: shown this once, never again' }) },
  strict,
);
export type CreatedApiKey = Static<typeof CreatedApiKey>;
export const CreateApiKeyBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) }, strict);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

// ----- audit log -----
export const AuditEntry = Type.Object(
  {
    id: Type.String(),
    actor: Type.Object(
      {
        type: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('system')]),
        id: Type.Union([Type.String(), Type.Null()]),
        label: Type.String(),
      },
      strict,
    ),
    action: Type.String({ description: 'e.g. workspace.created, api_key.revoked, member.added' }),
    target: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }, strict), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    data: Type.Record(Type.String(), Type.Unknown()),
    actingUser: Type.Optional(Type.String({ description: 'X-M365Hub-Acting-User of the API-key request' })),
    createdAt: IsoTime,
  },
  strict,
);
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditEntryList = ListOf(AuditEntry);
export type AuditEntryList = Static<typeof AuditEntryList>;

// ----- jobs -----
export const Job = Type.Object(
  {
    id: Type.String(),
    type: Type.String(),
    status: Type.String({ description: 'queued, running, succeeded, failed, dead or cancelled' }),
    progress: Type.Object(
      {
        done: Type.Union([Type.Integer(), Type.Null()]),
        total: Type.Union([Type.Integer(), Type.Null()]),
        message: Type.Union([Type.String(), Type.Null()]),
      },
      strict,
    ),
    result: Type.Unknown(),
    problem: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
    attempts: Type.Integer(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    finishedAt: NullableIsoTime,
  },
  strict,
);
export type Job = Static<typeof Job>;

// ----- no content -----
export const NoContent = Type.Null({ description: 'No content' });

// ----- operations -----
export const Health = Type.Object({ status: Type.String() }, strict);

/** Headers the API reads, documented once. */
export const ACTING_USER_HEADER = 'x-m365hub-acting-user';
export const CSRF_HEADER = 'x-csrf-token';
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export * from './health-schemas.js';
export * from './webhook-schemas.js';
