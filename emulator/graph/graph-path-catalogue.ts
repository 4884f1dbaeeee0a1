// Which request paths Microsoft Graph has, so the emulator can tell "real, not implemented here" (501
// emulator_unsupported, naming it) from "Microsoft has no such thing" (Graph's own 400 "Resource not found for the
// segment '…'"). The paths are every path Microsoft's permission table lists (emulator/permissions/graph-paths.json,
// derived from microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json), plus the protocol
// paths that need no permission of their own and so are not in that table:
//   - `/$batch` (https://learn.microsoft.com/graph/json-batching), `/$metadata` (the service's CSDL document);
//   - `/subscriptions`, `/subscriptions/{id}` (https://learn.microsoft.com/graph/api/resources/subscription: the
//     permission is the one of the subscribed resource);
//   - `…/$count`, `…/$ref`, `…/$value` after any known path
//     (https://learn.microsoft.com/graph/query-parameters#count-parameter, https://learn.microsoft.com/graph/api/group-post-members).
import data from '../permissions/graph-paths.json' with { type: 'json' };

interface Node {
  literal: Map<string, Node>;
  /** Segments with a placeholder inside them, e.g. `applications(appid='{id}')`. */
  patterns: { regex: RegExp; node: Node }[];
  placeholder?: Node;
  /** Methods of the path that ends here. */
  methods?: Set<string>;
  /** The path as the table spells it. */
  path?: string;
}

const newNode = (): Node => ({ literal: new Map(), patterns: [] });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const protocolPaths: Record<string, string> = {
  '/$batch': 'POST',
  '/$metadata': 'GET',
  '/subscriptions': 'GET,POST',
  '/subscriptions/{id}': 'DELETE,GET,PATCH',
};

const root = newNode();
for (const [path, methods] of [...Object.entries(data.paths as Record<string, string>), ...Object.entries(protocolPaths)]) {
  let node = root;
  for (const segment of path.split('/').filter(Boolean)) {
    if (segment === '{id}') node = node.placeholder ??= newNode();
    else if (segment.includes('{id}')) {
      const source = `^${segment.split('{id}').map(escape).join('.+')}$`;
      let entry = node.patterns.find((p) => p.regex.source === source);
      if (!entry) node.patterns.push((entry = { regex: new RegExp(source), node: newNode() }));
      node = entry.node;
    } else {
      let next = node.literal.get(segment);
      if (!next) node.literal.set(segment, (next = newNode()));
      node = next;
    }
  }
  node.methods = new Set([...(node.methods ?? []), ...methods.split(',')]);
  node.path = path;
}

export interface CataloguedPath {
  /** The path as Microsoft's table spells it (lower case, placeholders `{id}`). */
  path: string;
  methods: ReadonlySet<string>;
  /** How many segments matched a placeholder: fewer means a more literal match (`/users/delta` beats `/users/{id}`). */
  placeholders: number;
}

const suffixes = new Set(['$count', '$ref', '$value']);

function walk(node: Node, segments: string[], i: number, placeholders: number): CataloguedPath | undefined {
  if (i === segments.length) return node.methods ? { path: node.path!, methods: node.methods, placeholders } : undefined;
  const segment = segments[i]!;
  // Literal first, then partial patterns, then a whole-segment placeholder: the first match is the most literal one.
  const literal = node.literal.get(segment);
  const viaLiteral = literal && walk(literal, segments, i + 1, placeholders);
  if (viaLiteral) return viaLiteral;
  for (const pattern of node.patterns) {
    if (!pattern.regex.test(segment)) continue;
    const found = walk(pattern.node, segments, i + 1, placeholders + 1);
    if (found) return found;
  }
  // An id never starts with `$`: `/users/$count` is not the user `$count`.
  if (node.placeholder && !segment.startsWith('$')) return walk(node.placeholder, segments, i + 1, placeholders + 1);
  return undefined;
}

/** Microsoft's path for these request segments (after /v1.0), or undefined when Graph has no such path. */
export function catalogued(segments: readonly string[]): CataloguedPath | undefined {
  const lower = segments.map((s) => s.toLowerCase());
  const found = walk(root, lower, 0, 0);
  if (found || lower.length < 2 || !suffixes.has(lower[lower.length - 1]!)) return found;
  const base = walk(root, lower.slice(0, -1), 0, 0);
  const suffix = lower[lower.length - 1]!;
  // $count is read; $ref adds (POST) or removes (DELETE) a reference; $value reads or replaces content.
  const methods = suffix === '$count' ? ['GET'] : suffix === '$ref' ? ['GET', 'POST', 'PUT', 'DELETE'] : ['GET', 'PUT'];
  return base && { path: `${base.path}/${suffix}`, methods: new Set(methods), placeholders: base.placeholders };
}
