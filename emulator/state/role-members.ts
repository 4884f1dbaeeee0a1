// Who holds which directory role in a tenant, read from the users' role template ids (`User.directoryRoles`, the
// same facts the token's `wids` and admin consent use). The index is built once per directory change and then
// answers role routes without walking every user, so `--users 100000` reads stay cheap.
import type { DirectoryStore } from './directory-store.js';
import type { User } from './directory-types.js';
import type { SecurityConfigStore } from './security-config.js';

interface TenantIndex {
  key: string;
  byRole: Map<string, string[]>;
}

export class RoleMembers {
  private indexes = new Map<string, TenantIndex>();

  constructor(
    private readonly directory: DirectoryStore,
    private readonly security: SecurityConfigStore,
  ) {}

  private index(tenantId: string): TenantIndex {
    const key = `${this.directory.revision}/${this.security.revision}`;
    const cached = this.indexes.get(tenantId);
    if (cached?.key === key) return cached;
    const byRole = new Map<string, string[]>();
    for (const user of this.directory.usersOf(tenantId)) {
      for (const role of user.directoryRoles) {
        const holders = byRole.get(role);
        if (holders) holders.push(user.id);
        else byRole.set(role, [user.id]);
      }
    }
    const built = { key, byRole };
    this.indexes.set(tenantId, built);
    return built;
  }

  /** Role template ids with at least one member: the tenant's activated directory roles. */
  activeRoles(tenantId: string): string[] {
    return [...this.index(tenantId).byRole.keys()];
  }

  members(tenantId: string, roleTemplateId: string): User[] {
    return (this.index(tenantId).byRole.get(roleTemplateId) ?? []).map((id) => this.directory.getUser(id)).filter((u): u is User => u !== undefined);
  }

  /** Every active assignment as (principal, role), in role then member order. */
  assignments(tenantId: string): { principal: User; roleTemplateId: string }[] {
    const out: { principal: User; roleTemplateId: string }[] = [];
    for (const role of this.activeRoles(tenantId)) for (const principal of this.members(tenantId, role)) out.push({ principal, roleTemplateId: role });
    return out;
  }

  /** Adds a role to a user (the control API's "make X a Global Administrator"); the next token carries it in `wids`. */
  assign(tenantId: string, user: User, roleTemplateId: string): void {
    if (!user.directoryRoles.includes(roleTemplateId)) user.directoryRoles = [...user.directoryRoles, roleTemplateId];
    this.changed(tenantId);
  }

  unassign(tenantId: string, user: User, roleTemplateId: string): void {
    user.directoryRoles = user.directoryRoles.filter((r) => r !== roleTemplateId);
    this.changed(tenantId);
  }

  /** The user record changed in place: move both revisions so caches keyed on either (tokens, this index) renew. */
  private changed(tenantId: string): void {
    this.directory.revision++;
    this.security.change(tenantId, () => undefined);
  }
}
