// The problem codes of Graph change-notification subscriptions (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const SUBSCRIPTION_PROBLEMS = {
  subscription_resource_unsupported: {
    status: 400,
    title: 'Resource not supported for change notifications',
    detail: "Microsoft Graph cannot notify on this resource through the hub. Use users, groups, users/{id}, groups/{id}, me/messages, me/mailFolders('Inbox')/messages, me/events, me/drive/root, drives/{id}/root or teams/{id}/channels/{id}/messages.",
  },
  notification_url_unavailable: {
    status: 409,
    title: 'The hub has no public URL for Microsoft to notify',
    detail: 'Microsoft Graph delivers change notifications to the hub over HTTPS. Set BACKEND_URL to the public https URL of this hub and try again.',
  },
  subscription_rejected: {
    status: 422,
    title: 'Microsoft Graph refused the subscription',
    detail: "Microsoft Graph refused to create the subscription; its reason is in this detail. Check the resource and the integration's permissions, then try again.",
  },
} as const satisfies ProblemDefinitions;
