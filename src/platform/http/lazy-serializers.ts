// Fastify compiles every route's response schemas into serialising functions when it starts (fast-json-stringify
// writes each as source code, then V8 compiles it): about 6 MB of the idle hub's heap (heap snapshot, 2026-12-06),
// for routes most hubs rarely or never answer. Each is compiled on its route's first answer instead, by the same
// compiler Fastify would use (resolved from Fastify's own dependencies, so the versions match).
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type BuildSerializer = NonNullable<NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildSerializer']>;
type Serialize = ReturnType<ReturnType<BuildSerializer>>;

const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultBuildSerializer = fromFastify('@fastify/fast-json-stringify-compiler') as () => BuildSerializer;

/** For Fastify's `schemaController.compilersFactory.buildSerializer`. */
export const buildLazySerializer: BuildSerializer = (externalSchemas, options) => {
  const compile = defaultBuildSerializer()(externalSchemas, options);
  return (route) => {
    let serialize: Serialize | undefined;
    return (data) => (serialize ??= compile(route))(data);
  };
};
