// Generated from the hub's OpenAPI document by openapi-typescript: do not edit.
// Regenerate after an API change: node --import tsx scripts/client-types.ts
export interface paths {
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instance audit log, newest first: sign-ins (and failed ones), sign-outs and workspace deletions (instance admins) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description X-M365Hub-Acting-User of the API-key request */
                                actingUser?: string;
                                /** @description e.g. workspace.created, api_key.revoked, member.added */
                                action: string;
                                actor: {
                                    id: string | null;
                                    label: string;
                                    type: "user" | "api_key" | "system";
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                ip: string | null;
                                target: {
                                    id: string;
                                    type: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send as X-CSRF-Token on POST/PUT/PATCH/DELETE */
                            csrfToken: string;
                            user: {
                                displayName: string;
                                email: string;
                                id: string;
                                isInstanceAdmin: boolean;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in to the console */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send as X-CSRF-Token on POST/PUT/PATCH/DELETE */
                            csrfToken: string;
                            user: {
                                displayName: string;
                                email: string;
                                id: string;
                                isInstanceAdmin: boolean;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out (ends the session) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspaces (an API key sees its own one, with role api_key) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                id: string;
                                name: string;
                                /** @description the caller's role; `api_key` for API-key callers */
                                role: ("admin" | "member") | "api_key";
                                /** @description the workspace's subdomain of the host product */
                                subdomain: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                updatedAt: string;
                                /** @description the workspace's own URL, https://<subdomain>.<FRONTEND_URL host>; null when FRONTEND_URL is not set */
                                url: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a workspace (instance admins); the creator becomes its admin */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description default: from the name, made unique */
                        subdomain?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description the caller's role; `api_key` for API-key callers */
                            role: ("admin" | "member") | "api_key";
                            /** @description the workspace's subdomain of the host product */
                            subdomain: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            /** @description the workspace's own URL, https://<subdomain>.<FRONTEND_URL host>; null when FRONTEND_URL is not set */
                            url: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description the caller's role; `api_key` for API-key callers */
                            role: ("admin" | "member") | "api_key";
                            /** @description the workspace's subdomain of the host product */
                            subdomain: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            /** @description the workspace's own URL, https://<subdomain>.<FRONTEND_URL host>; null when FRONTEND_URL is not set */
                            url: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a workspace and everything in it (admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a workspace or change its subdomain (admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description the workspace's own URL label (https://<subdomain>.<FRONTEND_URL host>); 409 when another workspace has it */
                        subdomain?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            id: string;
                            name: string;
                            /** @description the caller's role; `api_key` for API-key callers */
                            role: ("admin" | "member") | "api_key";
                            /** @description the workspace's subdomain of the host product */
                            subdomain: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            /** @description the workspace's own URL, https://<subdomain>.<FRONTEND_URL host>; null when FRONTEND_URL is not set */
                            url: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/calendar/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List events of the acting user’s calendar (delegated) or of `mailbox` (application); times in UTC */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–100, default 25) */
                    limit?: number;
                    /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                    mailbox?: string;
                    /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                    mode?: "delegated" | "application";
                    /** @description application mode: the customer tenant id, when the workspace has several */
                    tenant?: string;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attendees: {
                                    address: string;
                                    name?: string;
                                    type: string;
                                }[];
                                /** @description ISO 8601 UTC */
                                end: string;
                                iCalUId: string | null;
                                id: string;
                                isCancelled: boolean;
                                isOrganizer: boolean;
                                location: string;
                                organizer: {
                                    address: string;
                                    name?: string;
                                } | null;
                                /** @description ISO 8601 UTC */
                                start: string;
                                subject: string;
                                webLink: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an event; attendees receive the invitation. Send an idempotency-key header: a retry with the same key answers the first outcome and never acts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attendees?: {
                            address: string;
                            name?: string;
                            type?: "required" | "optional";
                        }[];
                        body?: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        end: string;
                        location?: string;
                        /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                        mailbox?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        start: string;
                        subject: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attendees: {
                                address: string;
                                name?: string;
                                type: string;
                            }[];
                            /** @description ISO 8601 UTC */
                            end: string;
                            iCalUId: string | null;
                            id: string;
                            isCancelled: boolean;
                            isOrganizer: boolean;
                            location: string;
                            organizer: {
                                address: string;
                                name?: string;
                            } | null;
                            /** @description ISO 8601 UTC */
                            start: string;
                            subject: string;
                            webLink: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/calendar/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an event (the organiser's change reaches the attendees). Send an idempotency-key header: a retry with the same key answers the first outcome and never acts twice */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attendees?: {
                            address: string;
                            name?: string;
                            type?: "required" | "optional";
                        }[];
                        body?: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        end?: string;
                        location?: string;
                        /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                        mailbox?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        start?: string;
                        subject?: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attendees: {
                                address: string;
                                name?: string;
                                type: string;
                            }[];
                            /** @description ISO 8601 UTC */
                            end: string;
                            iCalUId: string | null;
                            id: string;
                            isCancelled: boolean;
                            isOrganizer: boolean;
                            location: string;
                            organizer: {
                                address: string;
                                name?: string;
                            } | null;
                            /** @description ISO 8601 UTC */
                            start: string;
                            subject: string;
                            webLink: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/calendar/events/{eventId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a meeting the acting user organises; attendees receive the cancellation. Send an idempotency-key header: a retry with the same key answers the first outcome and never acts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                        mailbox?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string;
                            /** @description what was done, e.g. mail.send */
                            action: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/calendar/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Free/busy of people and rooms between start and end (getSchedule), per interval */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        end: string;
                        /** @default 30 */
                        intervalMinutes?: number;
                        /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                        mailbox?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /** @description the addresses whose free/busy to read */
                        schedules: string[];
                        /**
                         * Format: date-time
                         * @description ISO 8601 time; kept in UTC
                         */
                        start: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            schedules: {
                                address: string;
                                availabilityView: string | null;
                                busy: {
                                    end: string;
                                    start: string;
                                    status: string;
                                    subject?: string;
                                }[];
                                error: string | null;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/chats/{chatId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message in a Teams chat the acting user is in. Send an idempotency-key header: a retry with the same key answers the first outcome and never posts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chatId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /** @description channel messages only */
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdDateTime: string;
                            id: string;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/mail/drafts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save a draft in the acting user's Drafts (user-post-messages); nothing is sent. Send an idempotency-key header: a retry with the same key answers the first outcome and never acts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        cc?: string[];
                        /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                        mailbox?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        subject: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                        to?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body?: {
                                content: string;
                                contentType: "text" | "html";
                            };
                            bodyPreview: string;
                            ccRecipients: {
                                address: string;
                                name?: string;
                            }[];
                            from: {
                                address: string;
                                name?: string;
                            } | null;
                            hasAttachments: boolean;
                            id: string;
                            isDraft: boolean;
                            isRead: boolean;
                            receivedDateTime: string | null;
                            sentDateTime: string | null;
                            subject: string;
                            toRecipients: {
                                address: string;
                                name?: string;
                            }[];
                            webLink: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/mail/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List messages of the acting user (delegated) or of `mailbox` (application), newest first; `folder` narrows to inbox, sentitems or drafts */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description one folder (default: every folder) */
                    folder?: "inbox" | "sentitems" | "drafts";
                    /** @description page size (1–100, default 25) */
                    limit?: number;
                    /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                    mailbox?: string;
                    /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                    mode?: "delegated" | "application";
                    /** @description application mode: the customer tenant id, when the workspace has several */
                    tenant?: string;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body?: {
                                    content: string;
                                    contentType: "text" | "html";
                                };
                                bodyPreview: string;
                                ccRecipients: {
                                    address: string;
                                    name?: string;
                                }[];
                                from: {
                                    address: string;
                                    name?: string;
                                } | null;
                                hasAttachments: boolean;
                                id: string;
                                isDraft: boolean;
                                isRead: boolean;
                                receivedDateTime: string | null;
                                sentDateTime: string | null;
                                subject: string;
                                toRecipients: {
                                    address: string;
                                    name?: string;
                                }[];
                                webLink: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/mail/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one message, body included (audited) */
        get: {
            parameters: {
                query?: {
                    /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                    mailbox?: string;
                    /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                    mode?: "delegated" | "application";
                    /** @description application mode: the customer tenant id, when the workspace has several */
                    tenant?: string;
                };
                header?: never;
                path: {
                    messageId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            body?: {
                                content: string;
                                contentType: "text" | "html";
                            };
                            bodyPreview: string;
                            ccRecipients: {
                                address: string;
                                name?: string;
                            }[];
                            from: {
                                address: string;
                                name?: string;
                            } | null;
                            hasAttachments: boolean;
                            id: string;
                            isDraft: boolean;
                            isRead: boolean;
                            receivedDateTime: string | null;
                            sentDateTime: string | null;
                            subject: string;
                            toRecipients: {
                                address: string;
                                name?: string;
                            }[];
                            webLink: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/mail/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send an e-mail from Outlook as the acting user (delegated) or as a mailbox of the tenant (application). Send an idempotency-key header: a retry with the same key answers the first outcome and never sends twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attachments?: ({
                            /** @description the file, base64 (Graph takes attachments under 3 MB inline) */
                            contentBase64: string;
                            contentType?: string;
                            name: string;
                        } | {
                            /** @description an attachment of the hub (…/attachments): its stored copy, or for a link the file read from Microsoft as the acting user; under 3 MB */
                            attachmentId: string;
                        })[];
                        body: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        cc?: string[];
                        /** @description application mode: the sending mailbox (user id or userPrincipalName) */
                        from?: string;
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: as `from`, with the app */
                        mode?: "delegated" | "application";
                        /** @default true */
                        saveToSentItems?: boolean;
                        subject: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                        to: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string;
                            /** @description what was done, e.g. mail.send */
                            action: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/teams/{teamId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's channels the acting user can see */
        get: {
            parameters: {
                query?: {
                    /** @description application mode: whose mailbox or calendar (user id or userPrincipalName) */
                    mailbox?: string;
                    /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                    mode?: "delegated" | "application";
                    /** @description application mode: the customer tenant id, when the workspace has several */
                    tenant?: string;
                };
                header?: never;
                path: {
                    teamId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                description: string | null;
                                displayName: string;
                                id: string;
                                membershipType: string | null;
                                webUrl: string | null;
                            }[];
                            nextCursor: null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/teams/{teamId}/channels/{channelId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a message in a channel as the acting user. Send an idempotency-key header: a retry with the same key answers the first outcome and never posts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: string;
                    teamId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /** @description channel messages only */
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdDateTime: string;
                            id: string;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/actions/teams/{teamId}/channels/{channelId}/messages/{messageId}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a channel message as the acting user. Send an idempotency-key header: a retry with the same key answers the first outcome and never posts twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: string;
                    messageId: string;
                    teamId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: {
                            content: string;
                            contentType: "text" | "html";
                        };
                        /** @description delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app */
                        mode?: "delegated" | "application";
                        /** @description channel messages only */
                        subject?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdDateTime: string;
                            id: string;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of the workspace (admins) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                createdBy: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description the visible start of the key, to recognise it */
                                prefix: string;
                                revokedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (admins); the answer is the only time the key is shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            createdBy: string | null;
                            id: string;
                            /** @description the key itself: shown this once, never again */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description the visible start of the key, to recognise it */
                            prefix: string;
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/api-keys/{apiKeyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (admins); it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with key_ */
                    apiKeyId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log of the workspace, newest first (admins and the workspace API key) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description X-M365Hub-Acting-User of the API-key request */
                                actingUser?: string;
                                /** @description e.g. workspace.created, api_key.revoked, member.added */
                                action: string;
                                actor: {
                                    id: string | null;
                                    label: string;
                                    type: "user" | "api_key" | "system";
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                ip: string | null;
                                target: {
                                    id: string;
                                    type: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/access-reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's access reviews, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                closedAt: string | null;
                                closedBy: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                createdBy: string;
                                /** @description users with a keep or remove decision */
                                decided: number;
                                filter: {
                                    /** @description only enabled (true) or disabled (false) accounts */
                                    enabled?: boolean;
                                    /** @description true: only users holding a directory role */
                                    privileged?: boolean;
                                    /** @description only members or only guests */
                                    userType?: "Member" | "Guest";
                                    /** @description true: only users without an MFA method registered */
                                    withoutMfa?: boolean;
                                };
                                /** @description opaque id starting with arv_ */
                                id: string;
                                name: string;
                                /** @description users under review */
                                rows: number;
                                /** @description opaque id starting with snap_ */
                                snapshotId: string;
                                status: "open" | "closed";
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Start an access review of a tenant's users as of a snapshot (the newest unless named) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        filter?: {
                            /** @description only enabled (true) or disabled (false) accounts */
                            enabled?: boolean;
                            /** @description true: only users holding a directory role */
                            privileged?: boolean;
                            /** @description only members or only guests */
                            userType?: "Member" | "Guest";
                            /** @description true: only users without an MFA method registered */
                            withoutMfa?: boolean;
                        };
                        name: string;
                        /** @description opaque id starting with snap_ */
                        snapshotId?: string;
                        /** @description Microsoft Entra tenant id (GUID) */
                        tenantId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            closedBy: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description users with a keep or remove decision */
                            decided: number;
                            filter: {
                                /** @description only enabled (true) or disabled (false) accounts */
                                enabled?: boolean;
                                /** @description true: only users holding a directory role */
                                privileged?: boolean;
                                /** @description only members or only guests */
                                userType?: "Member" | "Guest";
                                /** @description true: only users without an MFA method registered */
                                withoutMfa?: boolean;
                            };
                            /** @description opaque id starting with arv_ */
                            id: string;
                            name: string;
                            /** @description users under review */
                            rows: number;
                            /** @description opaque id starting with snap_ */
                            snapshotId: string;
                            status: "open" | "closed";
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/access-reviews/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One access review with its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with arv_ */
                    campaignId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            closedBy: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description users with a keep or remove decision */
                            decided: number;
                            filter: {
                                /** @description only enabled (true) or disabled (false) accounts */
                                enabled?: boolean;
                                /** @description true: only users holding a directory role */
                                privileged?: boolean;
                                /** @description only members or only guests */
                                userType?: "Member" | "Guest";
                                /** @description true: only users without an MFA method registered */
                                withoutMfa?: boolean;
                            };
                            /** @description opaque id starting with arv_ */
                            id: string;
                            name: string;
                            /** @description users under review */
                            rows: number;
                            /** @description opaque id starting with snap_ */
                            snapshotId: string;
                            status: "open" | "closed";
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/access-reviews/{campaignId}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an access review: its decisions become final */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with arv_ */
                    campaignId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closedAt: string | null;
                            closedBy: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            createdBy: string;
                            /** @description users with a keep or remove decision */
                            decided: number;
                            filter: {
                                /** @description only enabled (true) or disabled (false) accounts */
                                enabled?: boolean;
                                /** @description true: only users holding a directory role */
                                privileged?: boolean;
                                /** @description only members or only guests */
                                userType?: "Member" | "Guest";
                                /** @description true: only users without an MFA method registered */
                                withoutMfa?: boolean;
                            };
                            /** @description opaque id starting with arv_ */
                            id: string;
                            name: string;
                            /** @description users under review */
                            rows: number;
                            /** @description opaque id starting with snap_ */
                            snapshotId: string;
                            status: "open" | "closed";
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/access-reviews/{campaignId}/decisions/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** A reviewer's keep or remove decision on one user, with a comment (replaces an earlier one while the review is open) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with arv_ */
                    campaignId: string;
                    userId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        decision: "keep" | "remove";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            comment: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            decidedAt: string;
                            decidedBy: string;
                            decision: "keep" | "remove";
                            userId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/access-reviews/{campaignId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review's rows with each decision, comment, reviewer and time (streamed CSV or JSON) */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path: {
                    /** @description opaque id starting with arv_ */
                    campaignId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV or, with format=json, { campaign, items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/assessment-runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stored assessment run with its results, optionally only one severity and/or outcome */
        get: {
            parameters: {
                query?: {
                    severity?: "high" | "medium" | "low";
                    status?: "pass" | "fail" | "not_applicable" | "error";
                };
                header?: never;
                path: {
                    /** @description opaque id starting with asr_ */
                    runId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            /** @description policy ids that failed in the previous run and pass now */
                            fixed: string[];
                            /** @description opaque id starting with asr_ */
                            id: string;
                            /** @description policy ids failing now that did not fail in the previous run */
                            newlyFailing: string[];
                            /** @description the run it is compared with; null for the first */
                            previousRunId: string | null;
                            results: {
                                details: string;
                                /** @description ids of the Graph objects that decided the result */
                                evidence: string[];
                                policyId: string;
                                references: {
                                    cis?: string;
                                    docs?: string;
                                    scuba?: string;
                                };
                                remediation: string;
                                result: "pass" | "fail" | "not_applicable" | "error";
                                severity: "high" | "medium" | "low";
                                title: string;
                            }[];
                            /** @description opaque id starting with snap_ */
                            snapshotId: string;
                            snapshotSequence: number;
                            summary: {
                                error: number;
                                fail: number;
                                not_applicable: number;
                                pass: number;
                            };
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/chains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenants with snapshots in this workspace: how many, the newest and its hash */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                headHash: string;
                                /** @description opaque id starting with snap_ */
                                headSnapshotId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                lastCollectedAt: string;
                                snapshots: number;
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/secure-score-trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Microsoft Secure Score per day of every tenant of the workspace */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tenants: {
                                points: {
                                    currentScore: number;
                                    /** @description UTC day, YYYY-MM-DD */
                                    day: string;
                                    maxScore: number;
                                    percentage: number | null;
                                }[];
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/snapshots/{snapshotId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One snapshot in the hub's format (what `m365hub assess --snapshot` reads) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with snap_ */
                    snapshotId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            areas: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            collectedAt?: string;
                            faults?: {
                                [key: string]: {
                                    message: string;
                                    /** @description Microsoft Graph application permission to grant */
                                    permission?: string;
                                    status: "permission_error" | "error";
                                };
                            };
                            /** @enum {string} */
                            format: "m365hub.snapshot";
                            tenantId?: string;
                            /** @enum {number} */
                            version: 1;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/snapshots/{snapshotId}/assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assess a snapshot against the SCuBA Entra ID baseline and the hub's checks (nothing is changed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with snap_ */
                    snapshotId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        config?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the previous snapshot of the chain assessed with the same configuration; null for the first */
                            comparedWith: {
                                /** @description policy ids that failed in that snapshot and pass now */
                                fixed: string[];
                                /** @description policy ids failing now that did not fail in that snapshot */
                                newlyFailing: string[];
                                /** @description opaque id starting with snap_ */
                                snapshotId: string;
                            } | null;
                            results: {
                                details: string;
                                /** @description ids of the Graph objects that decided the result */
                                evidence: string[];
                                policyId: string;
                                references: {
                                    cis?: string;
                                    docs?: string;
                                    scuba?: string;
                                };
                                remediation: string;
                                result: "pass" | "fail" | "not_applicable" | "error";
                                severity: "high" | "medium" | "low";
                                title: string;
                            }[];
                            /** @description opaque id starting with snap_ */
                            snapshotId: string;
                            summary: {
                                error: number;
                                fail: number;
                                not_applicable: number;
                                pass: number;
                            };
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/snapshots/{snapshotId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from an older snapshot of the same tenant to this one (objects added, removed, changed, with field paths) */
        get: {
            parameters: {
                query?: {
                    /** @description opaque id starting with snap_ */
                    from?: string;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with snap_ */
                    snapshotId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                area: "directory" | "authenticationMethods" | "roles" | "conditionalAccess" | "authorization" | "sharePoint" | "secureScore";
                                change: "added" | "removed" | "changed";
                                collection: string;
                                fields: {
                                    after: unknown;
                                    before: unknown;
                                    path: string;
                                }[];
                                objectId: string;
                                objectName: string;
                            }[];
                            fromSnapshotId: string | null;
                            /** @description opaque id starting with snap_ */
                            toSnapshotId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's tenants for compliance: every connected tenant and every tenant with snapshots, with its connection and health, newest snapshot, failing policies and sync schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description the tenant connection: not_connected for a tenant with snapshots only (imported, or its connection removed) */
                                connection: "active" | "paused" | "not_connected";
                                /** @description policies failing in the newest snapshot's assessment run (null before the first) */
                                failing: number | null;
                                /** @description the last Test Connection's verdict for the tenant (null when not connected) */
                                health: ("unknown" | ("connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error")) | null;
                                healthCheckedAt: string | null;
                                /** @description the workspace's own name for the tenant */
                                label: string | null;
                                /** @description when the newest snapshot was collected (the last sync or import) */
                                lastCollectedAt: string | null;
                                snapshots: number;
                                /** @description the automatic sync interval (null: synced only on request) */
                                syncIntervalHours: number | null;
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/access-review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's users for an access review, from its newest snapshot: enabled, member/guest, last sign-in, MFA methods, licences, transitive groups, directory roles (streamed CSV or JSON) */
        get: {
            parameters: {
                query?: {
                    enabled?: "true" | "false";
                    format?: "csv" | "json";
                    privileged?: "true" | "false";
                    userType?: "Member" | "Guest";
                    withoutMfa?: "true" | "false";
                };
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (RFC 4180) or, with format=json, { snapshotId, items } */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/assessment-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's assessment configuration (ScubaGear-shaped exclusions) used by every stored run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                            /** @description null: never set, the tenant is assessed without exclusions */
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Store the tenant's assessment configuration (ScubaGear's CapExclusions / RoleExclusions shape); the next snapshot's run uses it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            /** @description ScubaGear-shaped assessment configuration (docs/compliance.md) */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            config: {
                                [key: string]: unknown;
                            };
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                            /** @description null: never set, the tenant is assessed without exclusions */
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/assessment-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The assessment runs stored as snapshots arrived, oldest first, each compared with the run before it */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                /** @description policy ids that failed in the previous run and pass now */
                                fixed: string[];
                                /** @description opaque id starting with asr_ */
                                id: string;
                                /** @description policy ids failing now that did not fail in the previous run */
                                newlyFailing: string[];
                                /** @description the run it is compared with; null for the first */
                                previousRunId: string | null;
                                /** @description opaque id starting with snap_ */
                                snapshotId: string;
                                snapshotSequence: number;
                                summary: {
                                    error: number;
                                    fail: number;
                                    not_applicable: number;
                                    pass: number;
                                };
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/baseline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The snapshot pinned as the tenant's baseline (drift is measured against it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pinnedAt: string | null;
                            /** @description the pinned snapshot; null when none is pinned */
                            snapshotId: string | null;
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Pin a snapshot of the tenant as its baseline; drift against the previous baseline closes and the newest snapshot is measured against this one */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description opaque id starting with snap_ */
                        snapshotId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            pinnedAt: string | null;
                            /** @description the pinned snapshot; null when none is pinned */
                            snapshotId: string | null;
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/drift-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's drift from its baseline as a timeline, oldest first: what changed (field paths, baseline and newest values, names), first seen, resolved */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                    status?: "open" | "resolved";
                };
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                area: "directory" | "authenticationMethods" | "roles" | "conditionalAccess" | "authorization" | "sharePoint" | "secureScore";
                                /** @description opaque id starting with snap_ */
                                baselineSnapshotId: string;
                                /** @description compared with the baseline */
                                change: "added" | "removed" | "changed";
                                collection: string;
                                /** @description baseline value (before) and newest value (after) */
                                fields: {
                                    after: unknown;
                                    before: unknown;
                                    path: string;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                firstSeenAt: string;
                                /** @description opaque id starting with snap_ */
                                firstSeenSnapshotId: string;
                                /** @description opaque id starting with drf_ */
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                lastSeenAt: string;
                                /** @description opaque id starting with snap_ */
                                lastSeenSnapshotId: string;
                                objectId: string;
                                /** @description the object's display name (or "role: principal" for a role assignment) */
                                objectName: string;
                                resolution: "returned_to_baseline" | "baseline_changed" | null;
                                resolvedAt: string | null;
                                /** @description the snapshot that matched the baseline again */
                                resolvedSnapshotId: string | null;
                                status: "open" | "resolved";
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An evidence bundle (zip): the tenant's newest snapshots, their assessments, the hash-chain proof and a self-contained HTML report */
        get: {
            parameters: {
                query?: {
                    /** @description how many of the newest snapshots to include */
                    snapshots?: number;
                };
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description a zip archive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/secure-score-trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's Microsoft Secure Score per day, from every snapshot of its chain */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            points: {
                                currentScore: number;
                                /** @description UTC day, YYYY-MM-DD */
                                day: string;
                                maxScore: number;
                                percentage: number | null;
                            }[];
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's snapshots, oldest first (the order of the hash chain) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                areas: ("directory" | "authenticationMethods" | "roles" | "conditionalAccess" | "authorization" | "sharePoint" | "secureScore")[];
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                collectedAt: string;
                                /** @description areas that could not be read, with the permission to grant */
                                faults: {
                                    [key: string]: {
                                        message: string;
                                        /** @description Microsoft Graph application permission to grant */
                                        permission?: string;
                                        status: "permission_error" | "error";
                                    };
                                };
                                /** @description sha256 (hex) of the snapshot's canonical manifest */
                                hash: string;
                                /** @description opaque id starting with snap_ */
                                id: string;
                                /** @description hash of the snapshot before it; null for the first */
                                previousHash: string | null;
                                /** @description position in the tenant's hash chain */
                                sequence: number;
                                /** @description Microsoft Entra tenant id (GUID) */
                                tenantId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Import a snapshot in the hub's format (e.g. one collected elsewhere); it joins the tenant's hash chain */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        areas: {
                            [key: string]: {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * Format: date-time
                         * @description ISO 8601 UTC time
                         */
                        collectedAt?: string;
                        faults?: {
                            [key: string]: {
                                message: string;
                                /** @description Microsoft Graph application permission to grant */
                                permission?: string;
                                status: "permission_error" | "error";
                            };
                        };
                        /** @enum {string} */
                        format: "m365hub.snapshot";
                        tenantId?: string;
                        /** @enum {number} */
                        version: 1;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            areas: ("directory" | "authenticationMethods" | "roles" | "conditionalAccess" | "authorization" | "sharePoint" | "secureScore")[];
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            collectedAt: string;
                            /** @description areas that could not be read, with the permission to grant */
                            faults: {
                                [key: string]: {
                                    message: string;
                                    /** @description Microsoft Graph application permission to grant */
                                    permission?: string;
                                    status: "permission_error" | "error";
                                };
                            };
                            /** @description sha256 (hex) of the snapshot's canonical manifest */
                            hash: string;
                            /** @description opaque id starting with snap_ */
                            id: string;
                            /** @description hash of the snapshot before it; null for the first */
                            previousHash: string | null;
                            /** @description position in the tenant's hash chain */
                            sequence: number;
                            /** @description Microsoft Entra tenant id (GUID) */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/snapshots/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the tenant's hash chain from the stored bytes; names the first broken link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            firstBrokenLink?: {
                                reason: string;
                                sequence: number;
                                /** @description opaque id starting with snap_ */
                                snapshotId: string;
                            };
                            headHash?: string | null;
                            snapshots: number;
                            valid: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/sync-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's sync schedule (null: synced only on request) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            intervalHours: number | null;
                            nextRunAt: string | null;
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Syncs the tenant every `intervalHours` (1–168) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description hours between scheduled syncs (1–168) */
                        intervalHours: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            intervalHours: number | null;
                            nextRunAt: string | null;
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Stops scheduled syncs of the tenant (it is then synced only on request) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            intervalHours: number | null;
                            nextRunAt: string | null;
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/compliance/tenants/{tenantId}/syncs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refresh data: reads the tenant's security configuration with the workspace's app (application permissions) into a new snapshot of its chain; 202 with the job (progress: areas read, objects so far; the result names each area Microsoft refused and the permission to grant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Entra tenant id (GUID) */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user's Microsoft 365 connection in the workspace (console admins); with an API key, the host product's users only */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                connectedAt: string;
                                displayName: string | null;
                                /** @description the host product's user id; null for a console user's connection */
                                externalUserId: string | null;
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                lastRefreshedAt: string;
                                objectId: string;
                                scopes: string[];
                                status: "active" | "needs_reconnect";
                                statusReason: string | null;
                                tenantId: string;
                                user: {
                                    /** @description the console user's id, or the host product's user id */
                                    id: string;
                                    /** @enum {string} */
                                    kind: "console_user" | "external_user";
                                };
                                userPrincipalName: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record's attachments, oldest first (entityType + entityId); or every attachment of the workspace, newest first (admins and the API key); optionally of one status */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description the host product's record id; without entityType and entityId, every attachment of the workspace, newest first (admins and the API key) */
                    entityId?: string;
                    /** @description the host product's record type (requirement, control, ticket …); with entityId, that record's attachments, oldest first */
                    entityType?: string;
                    limit?: number;
                    /** @description active; copying (the job runs); copy_failed; and for links, what the refresh job found: deleted, moved, access_lost */
                    status?: "active" | "copying" | "copy_failed" | "deleted" | "moved" | "access_lost";
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                addedBy: {
                                    id: string;
                                    kind: "console_user" | "external_user";
                                };
                                checkedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                driveId: string;
                                entityId: string;
                                entityType: string;
                                eTag: string | null;
                                id: string;
                                itemId: string;
                                jobId: string | null;
                                mimeType: string | null;
                                mode: "link" | "copy";
                                name: string;
                                sha256: string | null;
                                size: number | null;
                                /** @description active; copying (the job runs); copy_failed; and for links, what the refresh job found: deleted, moved, access_lost */
                                status: "active" | "copying" | "copy_failed" | "deleted" | "moved" | "access_lost";
                                webUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Attach a Microsoft 365 file to a record: `link` answers 201 with the attachment; `copy` answers 202 with the copy job (its result names the attachment, also in Content-Location). Honours Idempotency-Key. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Microsoft Graph drive id */
                        driveId: string;
                        /** @description the host product's record id */
                        entityId: string;
                        /** @description the host product's record type (requirement, control, ticket …) */
                        entityType: string;
                        /** @description Microsoft Graph driveItem id */
                        itemId: string;
                        mode: "link" | "copy";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addedBy: {
                                id: string;
                                kind: "console_user" | "external_user";
                            };
                            checkedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            driveId: string;
                            entityId: string;
                            entityType: string;
                            eTag: string | null;
                            id: string;
                            itemId: string;
                            jobId: string | null;
                            mimeType: string | null;
                            mode: "link" | "copy";
                            name: string;
                            sha256: string | null;
                            size: number | null;
                            /** @description active; copying (the job runs); copy_failed; and for links, what the refresh job found: deleted, moved, access_lost */
                            status: "active" | "copying" | "copy_failed" | "deleted" | "moved" | "access_lost";
                            webUrl: string | null;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One attachment (a link's status says whether the refresh job found it deleted, moved or out of reach) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with att_ */
                    attachmentId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addedBy: {
                                id: string;
                                kind: "console_user" | "external_user";
                            };
                            checkedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            driveId: string;
                            entityId: string;
                            entityType: string;
                            eTag: string | null;
                            id: string;
                            itemId: string;
                            jobId: string | null;
                            mimeType: string | null;
                            mode: "link" | "copy";
                            name: string;
                            sha256: string | null;
                            size: number | null;
                            /** @description active; copying (the job runs); copy_failed; and for links, what the refresh job found: deleted, moved, access_lost */
                            status: "active" | "copying" | "copy_failed" | "deleted" | "moved" | "access_lost";
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove an attachment (and its stored copy); the Microsoft 365 file is not touched */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with att_ */
                    attachmentId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/attachments/{attachmentId}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The attachment's bytes: a copy from document storage; a link from Microsoft 365 as the acting user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with att_ */
                    attachmentId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file's bytes, with its Content-Type and Content-Disposition */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/drives/{driveId}/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One file or folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Microsoft Graph drive id */
                    driveId: string;
                    /** @description Microsoft Graph driveItem id */
                    itemId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            childCount: number | null;
                            driveId: string;
                            eTag: string | null;
                            id: string;
                            kind: "file" | "folder";
                            lastModifiedAt: string | null;
                            mimeType: string | null;
                            name: string;
                            parentPath: string | null;
                            quickXorHash: string | null;
                            size: number | null;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/drives/{driveId}/items/{itemId}/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A folder's children, page by page (Microsoft's order) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description Microsoft Graph drive id */
                    driveId: string;
                    /** @description Microsoft Graph driveItem id */
                    itemId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                childCount: number | null;
                                driveId: string;
                                eTag: string | null;
                                id: string;
                                kind: "file" | "folder";
                                lastModifiedAt: string | null;
                                mimeType: string | null;
                                name: string;
                                parentPath: string | null;
                                quickXorHash: string | null;
                                size: number | null;
                                webUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/drives/{driveId}/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search a drive by name and content */
        get: {
            parameters: {
                query: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                    /** @description words to search for in names and contents */
                    q: string;
                };
                header?: never;
                path: {
                    /** @description Microsoft Graph drive id */
                    driveId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                childCount: number | null;
                                driveId: string;
                                eTag: string | null;
                                id: string;
                                kind: "file" | "folder";
                                lastModifiedAt: string | null;
                                mimeType: string | null;
                                name: string;
                                parentPath: string | null;
                                quickXorHash: string | null;
                                size: number | null;
                                webUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/shared": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The items others shared with the user (Microsoft's sharedWithMe), each in its own drive: open folders with …/drives/{driveId}/items/{id}/children */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                childCount: number | null;
                                driveId: string;
                                eTag: string | null;
                                id: string;
                                kind: "file" | "folder";
                                lastModifiedAt: string | null;
                                mimeType: string | null;
                                name: string;
                                parentPath: string | null;
                                quickXorHash: string | null;
                                size: number | null;
                                webUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/sites/{siteId}/root": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A SharePoint site's document library root folder (browse it with …/drives/{driveId}/items/{id}/children) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    siteId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            childCount: number | null;
                            driveId: string;
                            eTag: string | null;
                            id: string;
                            kind: "file" | "folder";
                            lastModifiedAt: string | null;
                            mimeType: string | null;
                            name: string;
                            parentPath: string | null;
                            quickXorHash: string | null;
                            size: number | null;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user's file sources: My OneDrive, Shared with me, followed SharePoint sites, joined teams (and which kinds Microsoft refused, and why); in application mode the allowed sites (or every site the app can find) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "onedrive" | "shared" | "sharepoint_site" | "team";
                                name: string;
                                webUrl: string | null;
                            }[];
                            unavailable: {
                                code: string;
                                detail: string;
                                kind: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/teams/{teamId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team's channels the user can see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/files/teams/{teamId}/channels/{channelId}/folder": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel's files folder */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: string;
                    teamId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            childCount: number | null;
                            driveId: string;
                            eTag: string | null;
                            id: string;
                            kind: "file" | "folder";
                            lastModifiedAt: string | null;
                            mimeType: string | null;
                            name: string;
                            parentPath: string | null;
                            quickXorHash: string | null;
                            size: number | null;
                            webUrl: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's Microsoft 365 integration (secrets are never shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminConsent: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                grantedAt: string;
                                tenant: string;
                            } | null;
                            allowedSites: string[];
                            azureTenantId: string | null;
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            credential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            dynamicsOrg: string | null;
                            /** @description what is sent to Microsoft; register exactly this */
                            effectiveRedirectUri: string | null;
                            health: {
                                checkedAt: string | null;
                                status: string;
                            };
                            id: string;
                            pendingCredential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            redirectUri: string | null;
                            returnOrigins: string[];
                            services: {
                                modes: ("delegated" | "application")[];
                                /** @enum {string} */
                                service: "onedrive" | "sharepoint" | "teams-files" | "directory" | "compliance" | "mail" | "calendar" | "teams-messages" | "dynamics";
                            }[];
                            /** @description `organizations` for a multi-tenant app */
                            tenant: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Create or replace the integration; a credential (clientSecret or certificate) is required on create and replaces the active one on update */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description SharePoint site URLs for Sites.Selected */
                        allowedSites?: string[];
                        /** @description blank: multi-tenant (organizations) */
                        azureTenantId?: string | null;
                        certificate?: {
                            /** @description the certificate (public part), PEM */
                            certificatePem?: string;
                            /** @description of an encrypted private key or of the PFX; used once, never stored */
                            passphrase?: string;
                            /** @description instead of the PEMs: a PFX / PKCS#12 file (.pfx, .p12) with the certificate and its private key, base64; write-only */
                            pfxBase64?: string;
                            /** @description its RSA private key, PEM (PKCS#8, encrypted or not, or PKCS#1); write-only */
                            privateKeyPem?: string;
                        };
                        /** @description Application (client) ID */
                        clientId: string;
                        /** @description the secret's Value from Certificates & secrets; write-only */
                        clientSecret?: string;
                        /** @description the "contoso" of contoso.crm.dynamics.com */
                        dynamicsOrg?: string | null;
                        /** @description blank: M365_REDIRECT_URI, else BACKEND_URL + /auth/m365/callback */
                        redirectUri?: string | null;
                        /** @description extra origins a connect flow may return to */
                        returnOrigins?: string[];
                        secretExpiresAt?: string | null;
                        services: {
                            modes: ("delegated" | "application")[];
                            /** @enum {string} */
                            service: "onedrive" | "sharepoint" | "teams-files" | "directory" | "compliance" | "mail" | "calendar" | "teams-messages" | "dynamics";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminConsent: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                grantedAt: string;
                                tenant: string;
                            } | null;
                            allowedSites: string[];
                            azureTenantId: string | null;
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            credential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            dynamicsOrg: string | null;
                            /** @description what is sent to Microsoft; register exactly this */
                            effectiveRedirectUri: string | null;
                            health: {
                                checkedAt: string | null;
                                status: string;
                            };
                            id: string;
                            pendingCredential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            redirectUri: string | null;
                            returnOrigins: string[];
                            services: {
                                modes: ("delegated" | "application")[];
                                /** @enum {string} */
                                service: "onedrive" | "sharepoint" | "teams-files" | "directory" | "compliance" | "mail" | "calendar" | "teams-messages" | "dynamics";
                            }[];
                            /** @description `organizations` for a multi-tenant app */
                            tenant: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminConsent: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                grantedAt: string;
                                tenant: string;
                            } | null;
                            allowedSites: string[];
                            azureTenantId: string | null;
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            credential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            dynamicsOrg: string | null;
                            /** @description what is sent to Microsoft; register exactly this */
                            effectiveRedirectUri: string | null;
                            health: {
                                checkedAt: string | null;
                                status: string;
                            };
                            id: string;
                            pendingCredential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            redirectUri: string | null;
                            returnOrigins: string[];
                            services: {
                                modes: ("delegated" | "application")[];
                                /** @enum {string} */
                                service: "onedrive" | "sharepoint" | "teams-files" | "directory" | "compliance" | "mail" | "calendar" | "teams-messages" | "dynamics";
                            }[];
                            /** @description `organizations` for a multi-tenant app */
                            tenant: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Delete the integration and its credentials */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/admin-consent-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use admin consent link (24 hours) for a tenant administrator who is not a console user; it starts Microsoft's admin consent in their browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description where the browser goes afterwards; with ?m365_error=<code> on failure */
                        returnTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            expiresAt: string;
                            /** @description Microsoft's admin consent URL; open it in the browser that asked for it */
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/admin-consent-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Microsoft's admin consent URL for the integration (single use, 10 minutes); open it in the same browser */
        get: {
            parameters: {
                query?: {
                    returnTo?: string;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            expiresAt: string;
                            /** @description Microsoft's admin consent URL; open it in the browser that asked for it */
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users' admin consent requests for the workspace's app (Microsoft's admin consent workflow): who asked, when, their justification and the outcome, with the Entra admin center page that approves them. Needs ConsentRequest.Read.All; without it `readable` is false and `message` says what to add. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            message: string | null;
                            /** @description false: the app may not read consent requests (or has no tenant yet); `message` says what to add */
                            readable: boolean;
                            requests: {
                                /** @description the appConsentRequest it belongs to (one per app, shared by every requester) */
                                appConsentRequestId: string;
                                /** @description the userConsentRequest's id in Microsoft Graph */
                                id: string;
                                /** @description what the user wrote in "Request approval" */
                                justification: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                requestedAt: string;
                                requestedBy: {
                                    displayName: string | null;
                                    id: string | null;
                                    userPrincipalName: string | null;
                                };
                                review: {
                                    justification: string | null;
                                    reviewedAt: string | null;
                                    reviewedBy: {
                                        displayName: string | null;
                                        id: string | null;
                                        userPrincipalName: string | null;
                                    };
                                } | null;
                                /** @description the app's permissions still waiting for approval (pendingScopes) */
                                scopes: string[];
                                /** @enum {string} */
                                status: "InProgress" | "Approved" | "Denied" | "Expired" | "Completed";
                            }[];
                            /** @enum {string} */
                            requiredPermission: "ConsentRequest.Read.All";
                            /** @description Microsoft Entra admin center: Enterprise applications → Activity → Admin consent requests */
                            reviewUrl: string;
                            /** @description the tenant read (the integration's, or the one admin consent recorded) */
                            tenant: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update Credentials, step 1: add a new secret or certificate as pending (the active one keeps working); test it, then promote it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        certificate?: {
                            /** @description the certificate (public part), PEM */
                            certificatePem?: string;
                            /** @description of an encrypted private key or of the PFX; used once, never stored */
                            passphrase?: string;
                            /** @description instead of the PEMs: a PFX / PKCS#12 file (.pfx, .p12) with the certificate and its private key, base64; write-only */
                            pfxBase64?: string;
                            /** @description its RSA private key, PEM (PKCS#8, encrypted or not, or PKCS#1); write-only */
                            privateKeyPem?: string;
                        };
                        /** @description the secret's Value from Certificates & secrets; write-only */
                        clientSecret?: string;
                        /** @description when the secret expires, as the Entra admin center shows */
                        secretExpiresAt?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            expiresAt: string | null;
                            expirySource: "microsoft" | "entered" | "certificate" | null;
                            id: string;
                            kind: "secret" | "certificate";
                            /** @enum {boolean} */
                            secretSet: true;
                            status: "active" | "pending" | "retired";
                            /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                            thumbprint: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/credentials/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard the pending credential */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/credentials/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update Credentials, step 2: the pending credential becomes active, the old one is retired */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            adminConsent: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                grantedAt: string;
                                tenant: string;
                            } | null;
                            allowedSites: string[];
                            azureTenantId: string | null;
                            clientId: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            credential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            dynamicsOrg: string | null;
                            /** @description what is sent to Microsoft; register exactly this */
                            effectiveRedirectUri: string | null;
                            health: {
                                checkedAt: string | null;
                                status: string;
                            };
                            id: string;
                            pendingCredential: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                expirySource: "microsoft" | "entered" | "certificate" | null;
                                id: string;
                                kind: "secret" | "certificate";
                                /** @enum {boolean} */
                                secretSet: true;
                                status: "active" | "pending" | "retired";
                                /** @description SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only) */
                                thumbprint: string | null;
                            } | null;
                            redirectUri: string | null;
                            returnOrigins: string[];
                            services: {
                                modes: ("delegated" | "application")[];
                                /** @enum {string} */
                                service: "onedrive" | "sharepoint" | "teams-files" | "directory" | "compliance" | "mail" | "calendar" | "teams-messages" | "dynamics";
                            }[];
                            /** @description `organizations` for a multi-tenant app */
                            tenant: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored health: the last Test Connection report of the active credential, and credential expiry warnings (30/7/1 days, expired) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkedAt: string | null;
                            /** @description the one statement about admin consent the console shows: from what Microsoft granted, not from what the hub remembers */
                            consent: {
                                /** @description an admin consent completed through the hub's link (consent may also be granted in the Entra admin center, which the hub only sees by testing) */
                                recorded: {
                                    /**
                                     * Format: date-time
                                     * @description ISO 8601 UTC time
                                     */
                                    grantedAt: string;
                                    tenant: string;
                                } | null;
                                /** @description granted: the last current test found every required permission granted; missing: it found some not granted (or Microsoft asked for consent); not_needed: no permission needs an administrator; unknown: not tested since the last change */
                                state: "granted" | "missing" | "not_needed" | "unknown";
                            };
                            /** @description credentials expiring within 30 days, or expired */
                            credentialWarnings: {
                                credentialId: string;
                                daysLeft: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                expiresAt: string;
                                /** @description microsoft (read from the app registration), entered, or certificate */
                                expirySource: string | null;
                                kind: "secret" | "certificate";
                                message: string;
                                status: "active" | "pending";
                                /** @description 30, 7 or 1 days; 0 when expired */
                                threshold: number;
                            }[];
                            /** @description unknown until the first Test Connection of the active credential */
                            health: ("connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error") | "unknown";
                            /** @description what to do when never tested */
                            message: string | null;
                            /** @description set when the credential, services, tenant or admin consent changed after the report: it no longer describes what is configured; a re-test is queued */
                            outdated: {
                                message: string;
                                reason: "credential_changed" | "services_changed" | "tenant_changed" | "consent_changed";
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                since: string;
                            } | null;
                            /** @description the last test of the current pending credential, apart from the active one's */
                            pendingReport: {
                                /** @description what was tested: the credential, services, tenant and admin consent in force */
                                basis?: {
                                    /** @description when admin consent was last recorded (ISO), and for which tenant */
                                    consent: string | null;
                                    credentialId: string | null;
                                    /** @description canonical: sorted services, each with its sorted modes */
                                    services: string;
                                    /** @description the Azure tenant id entered, else organizations */
                                    tenant: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                checkedAt: string;
                                credential: "active" | "pending";
                                /** @description connected, or the first kind of failure: the registration or tenant not set up (AADSTS700016, no tenant) → setup_error, an administrator's consent missing → consent_required, the credential refused → authentication_error, permissions or a refused call → permission_error, else service_error */
                                health: "connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error";
                                mode: "application" | "delegated";
                                steps: {
                                    /** @description stable, on failed steps (e.g. invalid_client_secret, permissions_missing, graph_access_denied) */
                                    code?: string;
                                    details?: {
                                        [key: string]: unknown;
                                    };
                                    fix?: string;
                                    message?: string;
                                    /**
                                     * @description credentials, connection, registration, permissions, or service:<service>
                                     * @enum {string}
                                     */
                                    name: "credentials" | "connection" | "registration" | "permissions" | "service:onedrive" | "service:sharepoint" | "service:teams-files" | "service:directory" | "service:compliance" | "service:mail" | "service:calendar" | "service:teams-messages" | "service:dynamics";
                                    status: "passed" | "failed" | "skipped";
                                }[];
                            } | null;
                            report: {
                                /** @description what was tested: the credential, services, tenant and admin consent in force */
                                basis?: {
                                    /** @description when admin consent was last recorded (ISO), and for which tenant */
                                    consent: string | null;
                                    credentialId: string | null;
                                    /** @description canonical: sorted services, each with its sorted modes */
                                    services: string;
                                    /** @description the Azure tenant id entered, else organizations */
                                    tenant: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                checkedAt: string;
                                credential: "active" | "pending";
                                /** @description connected, or the first kind of failure: the registration or tenant not set up (AADSTS700016, no tenant) → setup_error, an administrator's consent missing → consent_required, the credential refused → authentication_error, permissions or a refused call → permission_error, else service_error */
                                health: "connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error";
                                mode: "application" | "delegated";
                                steps: {
                                    /** @description stable, on failed steps (e.g. invalid_client_secret, permissions_missing, graph_access_denied) */
                                    code?: string;
                                    details?: {
                                        [key: string]: unknown;
                                    };
                                    fix?: string;
                                    message?: string;
                                    /**
                                     * @description credentials, connection, registration, permissions, or service:<service>
                                     * @enum {string}
                                     */
                                    name: "credentials" | "connection" | "registration" | "permissions" | "service:onedrive" | "service:sharepoint" | "service:teams-files" | "service:directory" | "service:compliance" | "service:mail" | "service:calendar" | "service:teams-messages" | "service:dynamics";
                                    status: "passed" | "failed" | "skipped";
                                }[];
                            } | null;
                            /** @description false: never tested */
                            tested: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/setup-guide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to register in the Microsoft Entra admin center (markdown and structured steps), from the permission catalogue; `services` previews a choice not saved yet */
        get: {
            parameters: {
                query?: {
                    /** @description preview for services not saved yet: service.mode, comma-separated */
                    services?: string;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            markdown: string;
                            redirectUri: string | null;
                            steps: ({
                                detail: string;
                                kind: string;
                                title: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/site-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sites.Selected: grant the integration's app each allowed SharePoint site (read), with your own connection holding Sites.FullControl.All; answers the result per site */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description one result per allowed site, in the settings' order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sites: {
                                /** @description Microsoft's error code, when not granted */
                                graphCode?: string;
                                /** @description Microsoft's message, when not granted */
                                message?: string;
                                roles?: string[];
                                /** @description Graph's site id, when the site was found */
                                siteId?: string;
                                /** @description granted now; already granted to the app; no such site in the tenant; Microsoft refused the grant; another Graph error */
                                status: "granted" | "already_granted" | "not_found" | "refused" | "error";
                                /** @description the allowed site URL */
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/integrations/m365/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test Connection: credentials, permissions (granted vs required, with the consent link) and one live Microsoft Graph call per service; answers 202 with the job, whose result is the report */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description which credential to test (default active); a pending one is tested before it is promoted and does not change the stored health */
                        credential?: "active" | "pending";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job: status, progress, result or problem */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque job id */
                    jobId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/jobs/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a job to stop (admins and the workspace API key) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque job id */
                    jobId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/me/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own Microsoft 365 connection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            connectedAt: string;
                            displayName: string | null;
                            /** @description the host product's user id; null for a console user's connection */
                            externalUserId: string | null;
                            id: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            lastRefreshedAt: string;
                            objectId: string;
                            scopes: string[];
                            status: "active" | "needs_reconnect";
                            statusReason: string | null;
                            tenantId: string;
                            user: {
                                /** @description the console user's id, or the host product's user id */
                                id: string;
                                /** @enum {string} */
                                kind: "console_user" | "external_user";
                            };
                            userPrincipalName: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect your own Microsoft 365 account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the workspace */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                displayName: string;
                                email: string;
                                role: "admin" | "member";
                                userId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a console user by email, or create one when a password is given (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** Format: email */
                        email: string;
                        /** @description creates a new console user with this password */
                        password?: string;
                        role: "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            role: "admin" | "member";
                            userId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (admins); the last admin cannot be removed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with usr_ */
                    userId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a member's role (admins); the last admin stays admin */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with usr_ */
                    userId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            displayName: string;
                            email: string;
                            role: "admin" | "member";
                            userId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/picker/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A hosted picker session for one of the host product's users and one record: open `url` in the user's browser (m365hub-picker.js does); the selection is posted to `origin` only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the host product's record id */
                        entityId: string;
                        /** @description the host product's record type (requirement, control, ticket …) */
                        entityType: string;
                        /** @description the host product's user the picker acts for (as in X-M365Hub-Acting-User) */
                        externalUserId: string;
                        /** @description what the user may do with the files they pick */
                        mode?: "link" | "copy" | "both";
                        /** @description the origin of the host page that opens the picker (scheme, host, port); the selection is posted to it only */
                        origin: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            expiresAt: string;
                            /** @description open it in a popup or iframe (m365hub-picker.js does) */
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/proxy/graph/{version}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Microsoft Graph pass-through: ANY {version}/{path} with the acting user's token (X-M365Hub-Acting-User, or the console user) or the app's (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph's status, headers and errors come back unchanged */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    version: "v1.0" | "beta";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Microsoft Graph pass-through: ANY {version}/{path} with the acting user's token (X-M365Hub-Acting-User, or the console user) or the app's (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph's status, headers and errors come back unchanged */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    version: "v1.0" | "beta";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Microsoft Graph pass-through: ANY {version}/{path} with the acting user's token (X-M365Hub-Acting-User, or the console user) or the app's (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph's status, headers and errors come back unchanged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    version: "v1.0" | "beta";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Microsoft Graph pass-through: ANY {version}/{path} with the acting user's token (X-M365Hub-Acting-User, or the console user) or the app's (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph's status, headers and errors come back unchanged */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    version: "v1.0" | "beta";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Microsoft Graph pass-through: ANY {version}/{path} with the acting user's token (X-M365Hub-Acting-User, or the console user) or the app's (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph's status, headers and errors come back unchanged */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    version: "v1.0" | "beta";
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/proxy/manage/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/proxy/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's pass-through policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: every Graph path; false (default): only the paths of the services the workspace enabled */
                            openPassthrough: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Open the pass-through to every Graph path, or close it to the enabled services (instance administrators; audited) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true: every Graph path; false (default): only the paths of the services the workspace enabled */
                        openPassthrough: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: every Graph path; false (default): only the paths of the services the workspace enabled */
                            openPassthrough: boolean;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/proxy/sharepoint/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    "*": string;
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Microsoft's answer, status, headers and body passed through unchanged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "*/*": unknown;
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's Graph subscriptions */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                changeType: string;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                externalUserId: string | null;
                                id: string;
                                lastNotificationAt: string | null;
                                mode: "delegated" | "application";
                                resource: string;
                                status: "active" | "failed";
                                /** @description why a failed subscription stopped, and what to do */
                                statusReason: string | null;
                                tenantId: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe to changes of a Microsoft Graph resource for one of your users (mode delegated, X-M365Hub-Acting-User) or the workspace's app (mode application); each change arrives as the webhook graph.notification. The hub renews it before Microsoft's maximum lifetime and recreates it when Microsoft removes it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description created, updated and/or deleted, comma-separated */
                        changeType: string;
                        /** @description delegated: with the acting user's connection (X-M365Hub-Acting-User); application: with the workspace's app */
                        mode: "delegated" | "application";
                        /** @description Graph's resource path: users, groups, users/{id}, me/messages, me/mailFolders('Inbox')/messages, me/events, me/drive/root, drives/{id}/root, teams/{id}/channels/{id}/messages */
                        resource: string;
                        /** @description application mode: the customer tenant id, when the workspace has several */
                        tenant?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeType: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            expiresAt: string | null;
                            externalUserId: string | null;
                            id: string;
                            lastNotificationAt: string | null;
                            mode: "delegated" | "application";
                            resource: string;
                            status: "active" | "failed";
                            /** @description why a failed subscription stopped, and what to do */
                            statusReason: string | null;
                            tenantId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One Graph subscription: status, expiry, last notification */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with sub_ */
                    subscriptionId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changeType: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            expiresAt: string | null;
                            externalUserId: string | null;
                            id: string;
                            lastNotificationAt: string | null;
                            mode: "delegated" | "application";
                            resource: string;
                            status: "active" | "failed";
                            /** @description why a failed subscription stopped, and what to do */
                            statusReason: string | null;
                            tenantId: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Stop a Graph subscription (at Microsoft too) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with sub_ */
                    subscriptionId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer tenants that granted admin consent to the workspace's app, with each one's health and last test */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                consentedAt: string | null;
                                /** @description who completed the admin consent (null when it predates tenant connections) */
                                consentedBy: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                /** @description the last Test Connection's verdict for this tenant; unknown until one ran */
                                health: "unknown" | ("connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error");
                                healthCheckedAt: string | null;
                                /** @description the workspace's own name for the tenant (e.g. the customer's name) */
                                label: string | null;
                                /** @description the job of the last Test Connection started for this tenant: GET …/jobs/{jobId} */
                                lastTestJobId: string | null;
                                /** @description paused: the hub refuses application calls in this tenant (tenant_paused) */
                                status: "active" | "paused";
                                /** @description the customer tenant's directory (tenant) id, a GUID */
                                tenantId: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/tenants/{tenantId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tenant connection with its last Test Connection report */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer tenant's directory (tenant) id, a GUID */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consentedAt: string | null;
                            /** @description who completed the admin consent (null when it predates tenant connections) */
                            consentedBy: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            /** @description the last Test Connection's verdict for this tenant; unknown until one ran */
                            health: "unknown" | ("connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error");
                            healthCheckedAt: string | null;
                            /** @description the workspace's own name for the tenant (e.g. the customer's name) */
                            label: string | null;
                            /** @description the job of the last Test Connection started for this tenant: GET …/jobs/{jobId} */
                            lastTestJobId: string | null;
                            /** @description the last Test Connection report for this tenant */
                            report: {
                                /** @description what was tested: the credential, services, tenant and admin consent in force */
                                basis?: {
                                    /** @description when admin consent was last recorded (ISO), and for which tenant */
                                    consent: string | null;
                                    credentialId: string | null;
                                    /** @description canonical: sorted services, each with its sorted modes */
                                    services: string;
                                    /** @description the Azure tenant id entered, else organizations */
                                    tenant: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                checkedAt: string;
                                credential: "active" | "pending";
                                /** @description connected, or the first kind of failure: the registration or tenant not set up (AADSTS700016, no tenant) → setup_error, an administrator's consent missing → consent_required, the credential refused → authentication_error, permissions or a refused call → permission_error, else service_error */
                                health: "connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error";
                                mode: "application" | "delegated";
                                steps: {
                                    /** @description stable, on failed steps (e.g. invalid_client_secret, permissions_missing, graph_access_denied) */
                                    code?: string;
                                    details?: {
                                        [key: string]: unknown;
                                    };
                                    fix?: string;
                                    message?: string;
                                    /**
                                     * @description credentials, connection, registration, permissions, or service:<service>
                                     * @enum {string}
                                     */
                                    name: "credentials" | "connection" | "registration" | "permissions" | "service:onedrive" | "service:sharepoint" | "service:teams-files" | "service:directory" | "service:compliance" | "service:mail" | "service:calendar" | "service:teams-messages" | "service:dynamics";
                                    status: "passed" | "failed" | "skipped";
                                }[];
                            } | null;
                            /** @description paused: the hub refuses application calls in this tenant (tenant_paused) */
                            status: "active" | "paused";
                            /** @description the customer tenant's directory (tenant) id, a GUID */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a tenant connection and its cached app token (audited); Microsoft's admin consent in the tenant stays until removed in Entra */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer tenant's directory (tenant) id, a GUID */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description what removal did and did not do: Microsoft's admin consent stays in the customer's Entra ID until removed there */
                            message: string;
                            /** @enum {boolean} */
                            removed: true;
                            /** @description the customer tenant's directory (tenant) id, a GUID */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Label a tenant connection, or pause (or resume) application calls in it (audited) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer tenant's directory (tenant) id, a GUID */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label?: string | null;
                        /** @description true pauses application calls in this tenant; false resumes them */
                        paused?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consentedAt: string | null;
                            /** @description who completed the admin consent (null when it predates tenant connections) */
                            consentedBy: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            /** @description the last Test Connection's verdict for this tenant; unknown until one ran */
                            health: "unknown" | ("connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error");
                            healthCheckedAt: string | null;
                            /** @description the workspace's own name for the tenant (e.g. the customer's name) */
                            label: string | null;
                            /** @description the job of the last Test Connection started for this tenant: GET …/jobs/{jobId} */
                            lastTestJobId: string | null;
                            /** @description the last Test Connection report for this tenant */
                            report: {
                                /** @description what was tested: the credential, services, tenant and admin consent in force */
                                basis?: {
                                    /** @description when admin consent was last recorded (ISO), and for which tenant */
                                    consent: string | null;
                                    credentialId: string | null;
                                    /** @description canonical: sorted services, each with its sorted modes */
                                    services: string;
                                    /** @description the Azure tenant id entered, else organizations */
                                    tenant: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                checkedAt: string;
                                credential: "active" | "pending";
                                /** @description connected, or the first kind of failure: the registration or tenant not set up (AADSTS700016, no tenant) → setup_error, an administrator's consent missing → consent_required, the credential refused → authentication_error, permissions or a refused call → permission_error, else service_error */
                                health: "connected" | "setup_error" | "consent_required" | "authentication_error" | "permission_error" | "service_error";
                                mode: "application" | "delegated";
                                steps: {
                                    /** @description stable, on failed steps (e.g. invalid_client_secret, permissions_missing, graph_access_denied) */
                                    code?: string;
                                    details?: {
                                        [key: string]: unknown;
                                    };
                                    fix?: string;
                                    message?: string;
                                    /**
                                     * @description credentials, connection, registration, permissions, or service:<service>
                                     * @enum {string}
                                     */
                                    name: "credentials" | "connection" | "registration" | "permissions" | "service:onedrive" | "service:sharepoint" | "service:teams-files" | "service:directory" | "service:compliance" | "service:mail" | "service:calendar" | "service:teams-messages" | "service:dynamics";
                                    status: "passed" | "failed" | "skipped";
                                }[];
                            } | null;
                            /** @description paused: the hub refuses application calls in this tenant (tenant_paused) */
                            status: "active" | "paused";
                            /** @description the customer tenant's directory (tenant) id, a GUID */
                            tenantId: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/tenants/{tenantId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test Connection in one tenant (application mode: token, permissions, one Graph call per service); answers 202 with the job, whose result is the report and becomes the tenant's health */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the customer tenant's directory (tenant) id, a GUID */
                    tenantId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            problem: {
                                code: string;
                                message: string;
                            } | null;
                            progress: {
                                done: number | null;
                                message: string | null;
                                total: number | null;
                            };
                            result: unknown;
                            /** @description queued, running, succeeded, failed, dead or cancelled */
                            status: string;
                            type: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/users/{externalUserId}/connect-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use link (10 minutes) that starts Connect Microsoft 365 in the user's browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the host product's user id */
                    externalUserId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description where the browser goes afterwards; with ?m365_error=<code> on failure */
                        returnTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            expiresAt: string;
                            /** @description single use; open it in the user's browser */
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/users/{externalUserId}/connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's Microsoft 365 connection (account, tenant, status) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the host product's user id */
                    externalUserId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            connectedAt: string;
                            displayName: string | null;
                            /** @description the host product's user id; null for a console user's connection */
                            externalUserId: string | null;
                            id: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            lastRefreshedAt: string;
                            objectId: string;
                            scopes: string[];
                            status: "active" | "needs_reconnect";
                            statusReason: string | null;
                            tenantId: string;
                            user: {
                                /** @description the console user's id, or the host product's user id */
                                id: string;
                                /** @enum {string} */
                                kind: "console_user" | "external_user";
                            };
                            userPrincipalName: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Disconnect a user: deletes the connection's tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the host product's user id */
                    externalUserId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's webhook endpoints (never their secrets) */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                enabled: boolean;
                                eventTypes: string[] | null;
                                id: string;
                                /** @description after a rotation: until when the previous secret also signs */
                                previousSecretExpiresAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                updatedAt: string;
                                url: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a webhook endpoint; the answer is the only time its signing secret is shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        /** @description the event types sent to this endpoint; null or absent: all of them */
                        eventTypes?: ("connection.connected" | "connection.disconnected" | "connection.needs_reconnect" | "connection.health_changed" | "credential.expiring" | "credential.expired" | "graph.notification" | "graph.subscription_failed" | "compliance.drift_detected" | "tenant.added" | "tenant.removed" | "tenant.health_changed")[] | null;
                        /** @description public http(s) URL the hub POSTs events to */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            enabled: boolean;
                            eventTypes: string[] | null;
                            id: string;
                            /** @description after a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            /** @description the signing secret (whsec_…): shown this once, never again */
                            secret: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            enabled: boolean;
                            eventTypes: string[] | null;
                            id: string;
                            /** @description after a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete the endpoint and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the URL, the event types or whether it is enabled */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        /** @description the event types sent to this endpoint; null or absent: all of them */
                        eventTypes?: ("connection.connected" | "connection.disconnected" | "connection.needs_reconnect" | "connection.health_changed" | "credential.expiring" | "credential.expired" | "graph.notification" | "graph.subscription_failed" | "compliance.drift_detected" | "tenant.added" | "tenant.removed" | "tenant.health_changed")[] | null;
                        /** @description public http(s) URL the hub POSTs events to */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            enabled: boolean;
                            eventTypes: string[] | null;
                            id: string;
                            /** @description after a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log of the endpoint, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description page size (1–200, default 50) */
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /**
                                 * Format: date-time
                                 * @description ISO 8601 UTC time
                                 */
                                createdAt: string;
                                deliveredAt: string | null;
                                /** @description the event as sent: { id, type, workspaceId, createdAt, data } */
                                event: {
                                    [key: string]: unknown;
                                };
                                eventId: string;
                                eventType: string;
                                id: string;
                                lastError: string | null;
                                lastStatusCode: number | null;
                                status: "pending" | "delivered" | "failed";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same event id and body, a fresh signature) through a new delivery job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with whd_ */
                    deliveryId: string;
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            deliveredAt: string | null;
                            /** @description the event as sent: { id, type, workspaceId, createdAt, data } */
                            event: {
                                [key: string]: unknown;
                            };
                            eventId: string;
                            eventType: string;
                            id: string;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            status: "pending" | "delivered" | "failed";
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown this once; the previous one keeps signing beside it for 24 hours so the receiver can switch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description opaque id starting with whk_ */
                    webhookId: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            createdAt: string;
                            enabled: boolean;
                            eventTypes: string[] | null;
                            id: string;
                            /** @description after a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            /** @description the signing secret (whsec_…): shown this once, never again */
                            secret: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 UTC time
                             */
                            updatedAt: string;
                            url: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/m365/admin-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grant admin consent for the workspace's app (console admins; redirects to Microsoft) */
        get: {
            parameters: {
                query: {
                    returnTo?: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/m365/admin-consent-link/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open a single-use admin consent link (a tenant administrator; redirects to Microsoft) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/m365/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Redirect URI of every Microsoft 365 flow (register it in the app registration) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/m365/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connect the signed-in console user's Microsoft 365 account (redirects to Microsoft) */
        get: {
            parameters: {
                query: {
                    returnTo?: string;
                    /** @description opaque id starting with ws_ */
                    workspaceId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/m365/connect-link/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open a single-use connect link (redirects to Microsoft) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and migrations are applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description A problem (RFC 9457) with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json; charset=utf-8": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description application/problem+json (RFC 9457) */
        Problem: {
            code: string;
            detail: string;
            errors?: {
                detail: string;
                pointer: string;
            }[];
            requestId: string;
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
