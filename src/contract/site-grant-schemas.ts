// Schemas of granting allowed SharePoint sites to the integration's app (Sites.Selected). Pure data: the console
// imports the same types.
import { Type, type Static } from 'typebox';
import { strict } from './common-schemas.js';

export const SiteGrantResult = Type.Object(
  {
    url: Type.String({ description: 'the allowed site URL' }),
    status: Type.Union([Type.Literal('granted'), Type.Literal('already_granted'), Type.Literal('not_found'), Type.Literal('refused'), Type.Literal('error')], {
      description: 'granted now; already granted to the app; no such site in the tenant; Microsoft refused the grant; another Graph error',
    }),
    siteId: Type.Optional(Type.String({ description: "Graph's site id, when the site was found" })),
    roles: Type.Optional(Type.Array(Type.String())),
    graphCode: Type.Optional(Type.String({ description: "Microsoft's error code, when not granted" })),
    message: Type.Optional(Type.String({ description: "Microsoft's message, when not granted" })),
  },
  strict,
);
export type SiteGrantResult = Static<typeof SiteGrantResult>;

export const SiteGrantReport = Type.Object({ sites: Type.Array(SiteGrantResult) }, { ...strict, description: 'one result per allowed site, in the settings\' order' });
export type SiteGrantReport = Static<typeof SiteGrantReport>;
