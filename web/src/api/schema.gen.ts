// Generated from the server's OpenAPI document (web/src/api/openapi.json) by openapi-typescript.
// Do not edit: change the route's zod schemas, then run `npm run api:generate`.
// `npm run api:check` (part of build:web and the test suite) fails while this file is stale.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: database reachable, migration version */
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
                            ok: boolean;
                            database: string;
                            migration: number;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            database: string;
                            migration: number;
                        };
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
    "/api/v1/access/booking-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a visit may be booked for: the rooms holding the customer's servers, its servers, its roster now */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                        "application/json": components["schemas"]["VisitBookingOptions"];
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
    "/api/v1/access/equipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Equipment in and out (设备进出单), newest first (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    serverId?: string;
                    status?: "released" | "completed";
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
                        "application/json": components["schemas"]["EquipmentMovementList"];
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
    "/api/v1/access/equipment/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The equipment log as CSV */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/access/equipment/in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A server brought in: its passed intake inspection (5.2), racked now (7.1: the racking day starts the term) */
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
                        /** Format: uuid */
                        serverId: string;
                        /** Format: uuid */
                        cabinetId: string;
                        lowestU: number;
                        /** @enum {string} */
                        face: "front" | "rear" | "full";
                        visitId?: string | null;
                        note?: string | null;
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
                        "application/json": components["schemas"]["EquipmentMovement"];
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
    "/api/v1/access/equipment/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A release authorised by a roster person authorised for equipment (5.10) */
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
                        /** Format: uuid */
                        serverId: string;
                        /** Format: uuid */
                        memberId: string;
                        visitId?: string | null;
                        note?: string | null;
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
                        "application/json": components["schemas"]["EquipmentMovement"];
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
    "/api/v1/access/equipment/{id}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What would block this release now: unpaid invoices past due, complaints with evidence, withheld inspections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ReleaseHoldList"];
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
    "/api/v1/access/equipment/{id}/take-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The server leaves: holds checked (override with a reason, audited), unracked — U, ports, addresses released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        overrideReason?: string | null;
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
                        "application/json": components["schemas"]["EquipmentMovement"];
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
    "/api/v1/access/front-desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The front desk: today's expected visitors (approved visits touching the day, Asia/Shanghai) */
        get: {
            parameters: {
                query?: {
                    date?: string;
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
                        "application/json": components["schemas"]["FrontDesk"];
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
    "/api/v1/access/reports/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits per customer and per room between two dates */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
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
                        "application/json": components["schemas"]["VisitReport"];
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
    "/api/v1/access/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The site's opening hours, the longest visit, the roster roles that may authorise equipment */
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
                        "application/json": components["schemas"]["AccessSettings"];
                    };
                };
            };
        };
        /** Change the opening hours, the longest visit, the equipment roles (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        opensMinute: number;
                        closesMinute: number;
                        maxVisitMinutes: number;
                        equipmentRoles: ("legal_representative" | "technical_lead" | "network_admin" | "device_admin" | "server_admin" | "contract_contact")[];
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
                        "application/json": components["schemas"]["AccessSettings"];
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
    "/api/v1/access/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visit requests (进出机房申请): by customer, status, room, dates (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "pending" | "approved" | "refused";
                    roomId?: string;
                    from?: string;
                    to?: string;
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
                        "application/json": components["schemas"]["VisitList"];
                    };
                };
            };
        };
        put?: never;
        /** Book a visit: window, room, the people from the customer's roster now (5.10), purpose, servers */
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
                        /** Format: uuid */
                        customerId?: string;
                        /** Format: uuid */
                        roomId: string;
                        /** @enum {string} */
                        purpose: "installation" | "maintenance" | "inspection" | "removal" | "emergency";
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        memberIds: string[];
                        /** @default [] */
                        serverIds?: string[];
                        note?: string | null;
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
                        "application/json": components["schemas"]["Visit"];
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
    "/api/v1/access/visits/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The visit log as CSV: one line per person, times in Beijing time */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "pending" | "approved" | "refused";
                    roomId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/access/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A visit with its people, each with whether they were on the roster at the time of the visit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Visit"];
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
    "/api/v1/access/visits/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or refuse a visit (a refusal says why); the customer is told through its notices */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approve: boolean;
                        reason?: string | null;
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
                        "application/json": components["schemas"]["Visit"];
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
    "/api/v1/access/visits/{id}/people/{personId}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** At the door: the person checked against the roster now, the ID document (type and last 4 only), escort */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    personId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        idDocumentType: "resident_id" | "passport" | "hk_macau_permit" | "taiwan_permit" | "other";
                        idLast4: string;
                        escort?: string | null;
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
                        "application/json": components["schemas"]["Visit"];
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
    "/api/v1/access/visits/{id}/people/{personId}/check-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The time out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    personId: string;
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
                        "application/json": components["schemas"]["Visit"];
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
    "/api/v1/account/factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My second factors */
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
                        "application/json": components["schemas"]["AccountFactors"];
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
    "/api/v1/account/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a passkey from the browser’s answer to the options */
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
                        response: {
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            response: {
                                [key: string]: unknown;
                            };
                        } & {
                            [key: string]: unknown;
                        };
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
                        "application/json": components["schemas"]["Passkey"];
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
    "/api/v1/account/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options for registering a passkey (WebAuthn) */
        post: {
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
                        "application/json": components["schemas"]["PasskeyOptions"];
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
    "/api/v1/account/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one of my passkeys */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ten new recovery codes in place of the old (needs a current TOTP code) */
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
                        code: string;
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
                        "application/json": components["schemas"]["RecoveryCodes"];
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
    "/api/v1/account/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where I am signed in (device, address, last seen) */
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
                        "application/json": components["schemas"]["AccountSessionList"];
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
    "/api/v1/account/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/account/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a TOTP enrolment: a secret and its QR code (confirmed by a code from the app) */
        post: {
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
                        "application/json": components["schemas"]["TotpEnrolment"];
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
    "/api/v1/account/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the TOTP enrolment; returns ten recovery codes once and ends my other sessions */
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
                        code: string;
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
                        "application/json": components["schemas"]["RecoveryCodes"];
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
    "/api/v1/alert-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alert channels (secrets never answered; URLs masked) */
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
                        "application/json": components["schemas"]["AlertChannelList"];
                    };
                };
            };
        };
        put?: never;
        /** Add a channel: 企业微信 / 钉钉 group robot or generic webhook */
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
                        kind: components["schemas"]["AlertChannelKindInput"];
                        name: string;
                        url: string;
                        /** @description 钉钉 加签 secret (SEC…), or the webhook HMAC key (required for webhook); never answered back */
                        secret?: string | null;
                        enabled?: boolean;
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
                        "application/json": components["schemas"]["AlertChannel"];
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
    "/api/v1/alert-channels/{id}": {
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
        /** Edit a channel (name, URL, secret, enabled); omitted fields stay */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description omitted: unchanged */
                        url?: string;
                        /** @description omitted: unchanged; null: removed */
                        secret?: string | null;
                        enabled?: boolean;
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
                        "application/json": components["schemas"]["AlertChannel"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/alert-channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message through the outbox now; answers the delivery after the attempt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["AlertDelivery"];
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
    "/api/v1/alert-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent alert deliveries with their status */
        get: {
            parameters: {
                query?: {
                    channelId?: string;
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
                        "application/json": components["schemas"]["AlertDeliveryList"];
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
    "/api/v1/alert-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which channels each event kind reaches, per staff role */
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
                        "application/json": components["schemas"]["AlertSubscriptionList"];
                    };
                };
            };
        };
        /** Replace the whole matrix (event kind × role → channels) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: components["schemas"]["AlertSubscriptionInput"][];
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
                        "application/json": components["schemas"]["AlertSubscriptionList"];
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
    "/api/v1/alerts/alertmanager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prometheus Alertmanager webhook (version 4), with an API token holding 'alerts:write' */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AlertmanagerWebhookInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertIngestResult"];
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
    "/api/v1/alerts/unmatched": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts whose labels matched nothing: they opened no incident (NOC) */
        get: {
            parameters: {
                query?: {
                    waiting?: "true" | "false";
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
                            items: components["schemas"]["UnmatchedAlert"][];
                        };
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
    "/api/v1/alerts/unmatched/{id}/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Say where an unmatched alert bites: opens its incident from the alert’s start (NOC) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        scope: {
                            /** @enum {string} */
                            kind: "site" | "room" | "cabinet" | "switch" | "port" | "server" | "ip";
                            target: string;
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
                        "application/json": components["schemas"]["UnmatchedAlert"];
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
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse the audit log (customers see the audit of their own data) */
        get: {
            parameters: {
                query?: {
                    actorId?: string;
                    action?: string;
                    entity?: string;
                    entityId?: string;
                    customerId?: string;
                    from?: string;
                    to?: string;
                    page?: number;
                    pageSize?: number;
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
                        "application/json": components["schemas"]["AuditPage"];
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
    "/api/v1/audit/anchors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the chain's head into an anchor file now (admin; audited). The way to anchor while the server holds the embedded database, which the CLI cannot open then */
        post: {
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
                        "application/json": components["schemas"]["AuditAnchorTaken"];
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
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the audit hash chain */
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
                        "application/json": components["schemas"]["AuditChainVerification"];
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
    "/api/v1/auth/locale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Remember my language */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        locale: components["schemas"]["LocaleInput"];
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in (sets the session and CSRF cookies) */
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
                        login: string;
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
                        "application/json": components["schemas"]["LoginReply"];
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
    "/api/v1/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The second step of a sign-in: a TOTP code or a recovery code (each once) */
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
                        code?: string;
                        recoveryCode?: string;
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
                        "application/json": components["schemas"]["LoginReply"];
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
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user */
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
                        "application/json": components["schemas"]["Me"];
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
    "/api/v1/auth/passkey/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey’s assertion */
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
                        response: {
                            id: string;
                            rawId: string;
                            /** @enum {string} */
                            type: "public-key";
                            response: {
                                [key: string]: unknown;
                            };
                        } & {
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
                        "application/json": components["schemas"]["LoginReply"];
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
    "/api/v1/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options for signing in with a passkey (after a password: that user’s passkeys only) */
        post: {
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
                        "application/json": components["schemas"]["PasskeyOptions"];
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
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (ends my other sessions) */
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
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bandwidth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bandwidth per customer (ports and shared speeds) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["CustomerBandwidth"][];
                        };
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
    "/api/v1/billing/bank-import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The provider's bank statement (CSV: date, amount, payer name, reference) matched to invoices for review; records nothing */
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
                        csv: string;
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
                        "application/json": components["schemas"]["BankImportPreview"];
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
    "/api/v1/billing/bank-import/record": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the bank-statement lines the reviewer confirmed, each line once */
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
                        csv: string;
                        confirmed: {
                            line: number;
                            /** Format: uuid */
                            invoiceId: string;
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
                        "application/json": components["schemas"]["BankImportResult"];
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
    "/api/v1/billing/dunning": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dunning steps: reminders sent and suspension proposals (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    decision?: components["schemas"]["DunningDecisionInput"];
                    invoiceId?: string;
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
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                invoiceId: string;
                                /** Format: uuid */
                                customerId: string;
                                /** @enum {string} */
                                kind: "reminder" | "suspension_proposal";
                                step: number;
                                /** Format: date */
                                dueOn: string;
                                noticeId: string | null;
                                decision: components["schemas"]["DunningDecision"] | null;
                                decidedBy: string | null;
                                decidedAt: (string) | null;
                                createdAt: (string) | null;
                                invoiceNumber: string;
                                customerName: string;
                                /** @description amount in fen (分): 100 = ¥1.00 */
                                outstandingFen: number;
                            }[];
                        };
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
    "/api/v1/billing/dunning-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dunning policy (staff) */
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
                        "application/json": components["schemas"]["DunningPolicy"];
                    };
                };
            };
        };
        /** Set the dunning policy: reminder days after the due date, then the suspension proposal */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reminderDays: number[];
                        suspensionProposalDays: number;
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
                        "application/json": components["schemas"]["DunningPolicy"];
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
    "/api/v1/billing/dunning/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm or dismiss a suspension proposal (never a termination) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "confirmed" | "dismissed";
                        note?: string;
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
                        "application/json": components["schemas"]["DunningAction"];
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
    "/api/v1/billing/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments received (收款记录): amount, date, bank reference, who recorded, what it settled */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    from?: string;
                    to?: string;
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
                            items: components["schemas"]["ReceivedPayment"][];
                        };
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
    "/api/v1/billing/payments/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payments received as CSV */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/billing/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receivables (应收账款): open invoices with aging buckets, summed by the database (finance, auditors) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    bucket?: components["schemas"]["ReceivablesBucketFilterInput"];
                    asOf?: string;
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
                        "application/json": components["schemas"]["Receivables"];
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
    "/api/v1/billing/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The daily sweep, day by day (staff) */
        get: {
            parameters: {
                query?: {
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
                            items: components["schemas"]["BillingSweepDay"][];
                        };
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
    "/api/v1/cabinets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cabinets (a customer sees those holding its servers) */
        get: {
            parameters: {
                query?: {
                    roomId?: string;
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
                            items: components["schemas"]["Cabinet"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a cabinet (NOC) */
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
                        /** Format: uuid */
                        roomId: string;
                        code: string;
                        heightU?: number;
                        powerBudgetW?: number;
                        ratedCurrentA?: number | null;
                        positionRow?: string | null;
                        positionColumn?: number | null;
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
                        "application/json": components["schemas"]["Cabinet"];
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
    "/api/v1/cabinets/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cabinets as CSV (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/cabinets/utilisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** U and power used per cabinet, summed by the database (staff) */
        get: {
            parameters: {
                query?: {
                    roomId?: string;
                    siteId?: string;
                    minUsedPercent?: number;
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
                            items: components["schemas"]["CabinetUtilisation"][];
                        };
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
    "/api/v1/cabinets/{id}": {
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
        /** Edit a cabinet: code, height, rated power and current, position, active/reserved (NOC) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        /** @enum {string} */
                        status?: "active" | "reserved";
                        heightU?: number;
                        powerBudgetW?: number;
                        ratedCurrentA?: number | null;
                        positionRow?: string | null;
                        positionColumn?: number | null;
                        version: number;
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
                        "application/json": components["schemas"]["Cabinet"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cabinets/{id}/elevation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rack elevation as data: both faces, who sits where, utilisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Elevation"];
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
    "/api/v1/cabinets/{id}/elevation.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rack elevation, both faces (SVG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the rack elevation, both faces (image/svg+xml) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": string;
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
    "/api/v1/cabinets/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a cabinet (NOC); refused while a server is racked in it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Cabinet"];
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
    "/api/v1/calendar/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Years the working-day calendar covers */
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
                        "application/json": components["schemas"]["CalendarCoverage"];
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
    "/api/v1/calendar/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** End of the Nth working day after a date (5.1), or of an N-calendar-day period (第四条); provisional when it rests on a year not yet published */
        get: {
            parameters: {
                query: {
                    from: string;
                    workingDays?: number;
                    days?: number;
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
                        "application/json": components["schemas"]["CalendarDeadline"];
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
    "/api/v1/calendar/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Today (Asia/Shanghai), the official and provisional years, and whether the next-year banner is due (staff) */
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
                        "application/json": components["schemas"]["CalendarStatus"];
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
    "/api/v1/calendar/years": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Load a year's official State Council holiday schedule as a JSON file (YearSchedule; admin) */
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
                        year: number;
                        holidays: {
                            /** Format: date */
                            date: string;
                            name: string;
                        }[];
                        workdays: {
                            /** Format: date */
                            date: string;
                            name: string;
                        }[];
                        source?: string;
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
                        "application/json": components["schemas"]["CalendarYearLoaded"];
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
    "/api/v1/calendar/years/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year day by day, its arrangement, and the official-vs-derived differences (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
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
                        "application/json": components["schemas"]["CalendarYearView"];
                    };
                };
            };
        };
        /** Save a year's official arrangement (admin); open records computed on the provisional year are recomputed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CalendarArrangementInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYearSaved"];
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
    "/api/v1/calendar/years/{year}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The year as an arrangement would make it, nothing saved (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CalendarArrangementInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYearView"];
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
    "/api/v1/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contact-change requests */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: components["schemas"]["CustomerChangeRequestStatusInput"];
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
                        "application/json": components["schemas"]["CustomerChangeRequestList"];
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
    "/api/v1/change-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject a change request (sales) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        approve: boolean;
                        note?: string;
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
                        "application/json": components["schemas"]["CustomerChangeRequest"];
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
    "/api/v1/commissioning/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Installation and commissioning done (5.1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CommissioningOrder"];
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
    "/api/v1/compensation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's compensation ledger lines */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["CompensationLine"][];
                        };
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
    "/api/v1/compensation/lines/{id}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dispute a ledger line (opens a ticket) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
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
                        "application/json": components["schemas"]["DisputeTicket"];
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
    "/api/v1/compensation/recompute-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start recomputing every contract's compensation ledger in the background (one run at a time; 409 while one runs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
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
                        "application/json": components["schemas"]["CompensationRecomputeRun"];
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
    "/api/v1/compensation/recompute-runs/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest recomputation (running or finished), or none */
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
                        "application/json": components["schemas"]["LatestCompensationRecomputeRun"];
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
    "/api/v1/compensation/recompute-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A recomputation's progress: its step, contracts done of total, and once finished its result */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CompensationRecomputeRun"];
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
    "/api/v1/compensation/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contract's ledger: credited hours per merged interruption, or why none; the service end it moves */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ContractLedger"];
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
    "/api/v1/compensation/{id}/timeline.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outage timeline of a contract (SVG); `lang` for an <img> that cannot send Accept-Language */
        get: {
            parameters: {
                query?: {
                    lang?: "zh-CN" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": string;
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
    "/api/v1/compliance/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's log-retention attestations, latest first */
        get: {
            parameters: {
                query: {
                    customerId: string;
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
                            items: components["schemas"]["LogRetentionAttestation"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Attest where and how long access logs are kept (≥ 6 months) */
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
                        /** Format: uuid */
                        customerId?: string;
                        location: string;
                        retentionMonths: number;
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
                        "application/json": components["schemas"]["LogRetentionAttestation"];
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
    "/api/v1/compliance/attestations/paper": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an attestation the customer signed on paper (staff; multipart: customerId, location, retentionMonths, receivedBy, receivedOn, file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LogRetentionAttestation"];
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
    "/api/v1/compliance/attestations/{id}/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A paper attestation's signed scan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/compliance/complaints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Complaints (a customer sees those about it) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "open" | "notified" | "confirmed" | "dismissed" | "resolved";
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
                            items: components["schemas"]["Complaint"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Take in a complaint; the IP or domain names the customer */
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
                        source: string;
                        /** @enum {string} */
                        category: "spam" | "intrusion" | "infringement" | "pornography" | "gambling" | "fraud" | "network_instability" | "unfiled_site" | "prohibited_service" | "other";
                        description: string;
                        ip?: string | null;
                        domain?: string | null;
                        receivedAt?: string | null;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One complaint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a violation, citing its clause */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        clause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
                        note: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a complaint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The complaint evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        /** Attach the complaint evidence (multipart: file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Notify the customer (第九条) with a deadline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hours: number;
                        message?: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a confirmed violation was remedied */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
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
                        "application/json": components["schemas"]["Complaint"];
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
    "/api/v1/compliance/complaints/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate the contract for cause (6.8; breaches of 5.3–5.7 only, no refund) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contractId: string;
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
                        "application/json": components["schemas"]["ComplianceTerminatedContract"];
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
    "/api/v1/compliance/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The domain list (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    serverId?: string;
                    status?: "submitted" | "verified" | "suspended" | "revoked";
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
                            items: components["schemas"]["ComplianceDomain"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a website to the domain list (5.11); it is not served until verified */
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
                        /** Format: uuid */
                        customerId?: string;
                        /** Format: uuid */
                        serverId: string;
                        domain: string;
                        address?: string | null;
                        /** @enum {string} */
                        use: "commercial" | "non_commercial";
                        filingNumber: string;
                        psbNumber?: string | null;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/domains/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One domain entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
                    };
                };
            };
        };
        /** Edit a filing (5.7): the entry goes back for verification */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** Format: uuid */
                        serverId?: string;
                        address?: string | null;
                        /** @enum {string} */
                        use?: "commercial" | "non_commercial";
                        filingNumber?: string;
                        psbNumber?: string | null;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/domains/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The evidence file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        /** Upload the MIIT record screenshot or licence copy (multipart: file — PDF/JPEG/PNG ≤ 10 MB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/domains/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a site for good (5.7) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/domains/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend access to a site (5.7) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/domains/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify (or re-verify) a filing, saying how (compliance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "miit_lookup" | "licence_original_seen" | "authority_confirmation";
                        note: string;
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
                        "application/json": components["schemas"]["ComplianceDomain"];
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
    "/api/v1/compliance/gate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gate: what nginx runs, the last apply and its result */
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
                        "application/json": components["schemas"]["GateStatus"];
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
    "/api/v1/compliance/gate/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write the maps, nginx -t, reload (a failed test keeps the previous gate) */
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
                        /** @default false */
                        force?: boolean;
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
                        "application/json": components["schemas"]["GateApplyResult"];
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
    "/api/v1/compliance/gate/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The files the gate would write now */
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
                        "application/json": components["schemas"]["GatePreview"];
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
    "/api/v1/compliance/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inspections (a customer sees those not withheld) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["Inspection"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Record an inspection (multipart: serverId, authority, documentNumber, inspectedAt, scope, staffPresent, withheld, withheldReason, file — the authorisation scan) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inspection"];
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
    "/api/v1/compliance/inspections/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authorisation scan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/compliance/inspections/{id}/withhold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withhold a record from the customer on the authority's instruction, or release it (reason required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        withheld: boolean;
                        reason: string;
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
                        "application/json": components["schemas"]["Inspection"];
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
    "/api/v1/compliance/queue/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attestations lapsed or lapsing within 30 days */
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
                            items: components["schemas"]["LogRetentionAttestation"][];
                        };
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
    "/api/v1/compliance/queue/filings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Filings to verify (new, edited, due yearly) */
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
                            items: components["schemas"]["ComplianceDomain"][];
                        };
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
    "/api/v1/compliance/readiness/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Log-retention readiness of a customer (for activation, 5.5) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["LogRetentionReadiness"];
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
    "/api/v1/compliance/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Declared services per server, with standing violations */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    serverId?: string;
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
                            items: components["schemas"]["DeclaredService"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Declare a service on a server (5.3): www, email, ftp, telnet, database; proxy, subletting, virtual_hosting, disk_rental are refused */
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
                        /** Format: uuid */
                        serverId: string;
                        kind: string;
                        description?: string;
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
                        "application/json": components["schemas"]["DeclaredService"];
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
    "/api/v1/compliance/services/{id}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed supplementary agreement (5.3) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        /** File the signed supplementary agreement (multipart: file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["DeclaredService"];
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
    "/api/v1/compliance/services/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a declared service */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["DeclaredService"];
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
    "/api/v1/compliance/suspensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server suspensions and restorations */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    serverId?: string;
                    live?: "true" | "false";
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
                            items: components["schemas"]["ServerSuspension"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Suspend a server: the gate closes its domains; NOC gets the port shutdown instruction */
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
                        /** Format: uuid */
                        serverId: string;
                        /** @enum {string} */
                        clause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
                        reason: string;
                        complaintId?: string | null;
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
                        "application/json": components["schemas"]["ServerSuspension"];
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
    "/api/v1/compliance/suspensions/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore service once the fault is fixed (6.3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
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
                        "application/json": components["schemas"]["ServerSuspension"];
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
    "/api/v1/contract-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Template versions: the shipped one and those admins added */
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
                            items: components["schemas"]["ContractTemplate"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a template version (admin); citing a repealed law returns warnings */
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
                        blocks?: components["schemas"]["ContractTemplateBlockInput"][];
                        source?: string;
                        note?: string;
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
                        "application/json": components["schemas"]["ContractTemplate"];
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
    "/api/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: components["schemas"]["ContractStatusInput"];
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
                            items: components["schemas"]["Contract"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Draft a contract from the shipped template; its number is continuous per year */
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
                        /** Format: uuid */
                        customerId: string;
                        /** Format: uuid */
                        siteId: string;
                        serverIds: string[];
                        annualFee: string;
                        termMonths?: number;
                        signingPlace?: string;
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/contracts/expiring": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active contracts ending within N days (60 by default), bucketed 60/30/7 (第十三条) */
        get: {
            parameters: {
                query?: {
                    withinDays?: number;
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
                            items: components["schemas"]["ExpiringContract"][];
                        };
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
    "/api/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contract with its servers, invoices and commissioning orders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ContractDetail"];
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
    "/api/v1/contracts/{id}/attachments/{part}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload the signed scan of 附件一 or 附件二 (multipart: file) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    part: "security-letter" | "user-undertaking";
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/contracts/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The contract or one attachment (附件一, 附件二) as a document: PDF (default), .docx or HTML, with amounts in figures and 大写 */
        get: {
            parameters: {
                query?: {
                    format?: "pdf" | "docx" | "html";
                    part?: "contract" | "security-letter" | "user-undertaking" | "domain-list";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "text/html": string;
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
    "/api/v1/contracts/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of the contract documents: the copy sent for signature, each 开通确认单 (service activation confirmation), the signed scans — with their SHA-256 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ContractDocumentVersions"];
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
    "/api/v1/contracts/{id}/documents/{kind}/{part}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One frozen copy (sent: contract | security-letter | user-undertaking; activation: confirmation-<n>), byte-identical at every download; the PDF is printed from the frozen HTML once */
        get: {
            parameters: {
                query?: {
                    format?: "pdf" | "docx" | "html";
                };
                header?: never;
                path: {
                    id: string;
                    kind: components["schemas"]["ContractCopyKindInput"];
                    part: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                        "text/html": string;
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
    "/api/v1/contracts/{id}/object-to-renewal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a non-renewal objection (第十三条) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/contracts/{id}/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contract's onboarding checklist (its servers, addresses and invoices) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["OnboardingChecklist"];
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
    "/api/v1/contracts/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send for signing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/contracts/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the signature (multipart: signingDate, securityLetterSigned, userUndertakingSigned, file = the signed scan) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/contracts/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate for cause (6.8, clause cited, no refund) or by agreement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "for_cause" | "by_agreement";
                        clause?: string;
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
                        "application/json": components["schemas"]["Contract"];
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
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search customers by name, pinyin initials, USCC or phone (a customer sees only itself) */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    status?: components["schemas"]["CustomerStatusInput"];
                    page?: number;
                    pageSize?: number;
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
                        "application/json": components["schemas"]["CustomerPage"];
                    };
                };
            };
        };
        put?: never;
        /** Create a customer (sales) */
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
                        uscc?: string | null;
                        status?: components["schemas"]["CustomerStatusInput"];
                        legalRepresentative?: string | null;
                        registeredAddress?: string | null;
                        postalAddress?: string | null;
                        noticeEmail?: string | null;
                        noticeFax?: string | null;
                        contactPhone?: string | null;
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
                        "application/json": components["schemas"]["Customer"];
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
    "/api/v1/customers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV export of the search result */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    status?: components["schemas"]["CustomerStatusInput"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description customers.csv (UTF-8 with BOM) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Customer"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a customer (optimistic: send the version you read) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        uscc?: string | null;
                        status?: components["schemas"]["CustomerStatusInput"];
                        legalRepresentative?: string | null;
                        registeredAddress?: string | null;
                        postalAddress?: string | null;
                        noticeEmail?: string | null;
                        noticeFax?: string | null;
                        contactPhone?: string | null;
                        version: number;
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
                        "application/json": components["schemas"]["Customer"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/account-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's sign-in policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["AccountPolicy"];
                    };
                };
            };
        };
        /** Require a second factor of every user of the customer (its owner) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        require2fa: boolean;
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
                        "application/json": components["schemas"]["AccountPolicy"];
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
    "/api/v1/customers/{id}/change-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose a change of contact data (customer portal) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        registeredAddress?: string | null;
                        postalAddress?: string | null;
                        noticeEmail?: string | null;
                        noticeFax?: string | null;
                        contactPhone?: string | null;
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
                        "application/json": components["schemas"]["CustomerChangeRequest"];
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
    "/api/v1/customers/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's credit (overpayments kept, applied to the next invoice) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CustomerCredit"];
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
    "/api/v1/customers/{id}/evidence-pack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's evidence pack: a zip of summary.pdf (Chinese), data.json, the audit extract, the stored files, manifest.json with every file's SHA-256, manifest.sig (Ed25519, the audit anchor key) and public-key.pem (compliance, auditor) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
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
    "/api/v1/customers/{id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a person by e-mail (a single-use link that expires) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        displayName: string;
                        roles: string[];
                        locale?: components["schemas"]["LocaleInput"];
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
                        "application/json": components["schemas"]["Invitation"];
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
    "/api/v1/customers/{id}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an open invitation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    invitationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/kyc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** KYC documents of a customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["KycDocumentList"];
                    };
                };
            };
        };
        put?: never;
        /** Upload a KYC document (multipart: kind, holderName, idType, idNumber, issuedOn, expiresOn, file — PDF/JPEG/PNG ≤ 10 MB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KycDocument"];
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
    "/api/v1/customers/{id}/onboarding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's onboarding checklist: each step done, to do or blocked, who does it, what is missing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["OnboardingChecklist"];
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
    "/api/v1/customers/{id}/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notices owed because of changes to this customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CustomerOutboxList"];
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
    "/api/v1/customers/{id}/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a server of this customer may be activated (24-hour contacts, KYC) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CustomerActivationReadiness"];
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
    "/api/v1/customers/{id}/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Both rosters, now or as of an instant */
        get: {
            parameters: {
                query?: {
                    at?: string;
                };
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["RosterList"];
                    };
                };
            };
        };
        /** Add a person or change one (a one-person change: a new version, one notice); staff changing the customer's side say how the change came (received) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        memberId?: string;
                        side: components["schemas"]["RosterSideInput"];
                        role: components["schemas"]["RosterRoleInput"];
                        name: string;
                        mobile?: string | null;
                        landline?: string | null;
                        email?: string | null;
                        available24h?: boolean;
                        received?: {
                            /** @enum {string} */
                            how: "email" | "post" | "fax" | "in_person";
                            documentName: string;
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
                        "application/json": components["schemas"]["RosterMember"];
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
    "/api/v1/customers/{id}/roster/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One roster change of one side, one notice (multipart: side, items — JSON list of {op: upsert|remove, …}, how, documentName, file — the scan of the document that carried it, PDF/JPEG/PNG ≤ 10 MB; staff recording the customer's side must give how and documentName) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["RosterChangeResult"];
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
    "/api/v1/customers/{id}/roster/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of every roster member */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["RosterList"];
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
    "/api/v1/customers/{id}/roster/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a person off the roster (a one-person change); staff taking one off the customer's side say how the change came (how, documentName) */
        delete: {
            parameters: {
                query?: {
                    how?: "email" | "post" | "fax" | "in_person";
                    documentName?: string;
                };
                header?: never;
                path: {
                    id: string;
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's statement (对账单) for a period: opening balance, invoices, payments, credit, closing balance */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CustomerStatement"];
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
    "/api/v1/customers/{id}/statement/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statement as a PDF with the provider seal */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
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
    "/api/v1/customers/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's users and invitations (its owner; staff read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Team"];
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
    "/api/v1/customers/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CustomerApiTokenList"];
                    };
                };
            };
        };
        put?: never;
        /** Create a token for the customer's automation (scopes its owner holds; the secret is returned once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: components["schemas"]["ApiTokenScopeInput"][];
                        expiresAt?: (string) | null;
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
                        "application/json": components["schemas"]["CustomerApiTokenCreated"];
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
    "/api/v1/customers/{id}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the customer's tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/users/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user of the customer (ends their sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/customers/{id}/users/{userId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-enable a user of the customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/customers/{id}/users/{userId}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a user's customer roles (one enabled owner always remains) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        roles: string[];
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/desk/dashboards/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A role's dashboard: figures counted by the database, each linked to its list, and charts (staff of that role, admins, auditors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    role: components["schemas"]["DashboardRoleInput"];
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
                        "application/json": components["schemas"]["DeskDashboard"];
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
    "/api/v1/desk/digest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether I get the daily to-do digest e-mail (staff) */
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
                        "application/json": components["schemas"]["DeskDigestPreference"];
                    };
                };
            };
        };
        /** Opt out of (or back into) the daily to-do digest e-mail (staff, for themselves) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeskDigestPreferenceInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeskDigestPreference"];
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
    "/api/v1/desk/todo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My to-do list (待办) from every area, by deadline: staff by role, a customer user its own customer's */
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
                        "application/json": components["schemas"]["DeskTodo"];
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
    "/api/v1/dns/ptr-records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PTR records (a customer sees those of its own addresses) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["DnsPtrRecord"][];
                        };
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
    "/api/v1/dns/ptr-records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Point an allocated address (by allocation id) back to a host name */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hostname: string;
                        ttl?: number | null;
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
                        "application/json": components["schemas"]["DnsPtrRecord"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the PTR record of an allocated address */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dns/records/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** DNS records as CSV (a customer gets its own) */
        get: {
            parameters: {
                query?: {
                    zoneId?: string;
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/dns/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a record */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dns/reverse-zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provider's reverse zones (in-addr.arpa, ip6.arpa), derived from the IP pools */
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
                            items: components["schemas"]["DnsReverseZone"][];
                        };
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
    "/api/v1/dns/reverse-zones/{origin}/zonefile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reverse zone with its PTR records as an RFC 1035 master file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    origin: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an RFC 1035 master file (text/dns) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/dns": string;
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
    "/api/v1/dns/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** DNS zones (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["DnsZone"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Host a zone for a customer domain (6.1: free resolution) */
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
                        /** Format: uuid */
                        customerId: string;
                        domain: string;
                        defaultTtl?: number;
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
                        "application/json": components["schemas"]["DnsZone"];
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
    "/api/v1/dns/zones/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** DNS zones as CSV (a customer gets its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/dns/zones/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A zone with its records */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["DnsZoneWithRecords"];
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
    "/api/v1/dns/zones/{id}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
                        value: string;
                        ttl?: number | null;
                        priority?: number | null;
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
                        "application/json": components["schemas"]["DnsRecord"];
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
    "/api/v1/dns/zones/{id}/zonefile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The zone as an RFC 1035 master file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description an RFC 1035 master file (text/dns) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/dns": string;
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
    "/api/v1/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents (a customer sees those that interrupted its servers) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "resolved";
                    customerId?: string;
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
                            items: components["schemas"]["Incident"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open an incident (NOC); start and report times may be given for an outage recorded after the fact */
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
                        title: string;
                        /** @enum {string} */
                        cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
                        causeEvidence?: string | null;
                        lineFault?: boolean;
                        scope: {
                            /** @enum {string} */
                            kind: "site" | "room" | "cabinet" | "switch" | "port" | "server" | "ip";
                            target: string;
                        }[];
                        /** Format: date-time */
                        startedAt?: string;
                        /** Format: date-time */
                        reportedAt?: string;
                        noticeGivenAt?: string | null;
                        note?: string;
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
                        "application/json": components["schemas"]["OpenedIncident"];
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
    "/api/v1/incidents/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The NOC's board: open incidents, line-fault clocks near breach */
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
                        "application/json": components["schemas"]["IncidentDashboard"];
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
    "/api/v1/incidents/security-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the provider reports as a critical-infrastructure operator (1 h instead of 4 h) */
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
                        "application/json": components["schemas"]["SecurityReportSettings"];
                    };
                };
            };
        };
        /** Set the critical-infrastructure operator setting (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SecurityReportSettingsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecurityReportSettings"];
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
    "/api/v1/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident with its timeline and interruptions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["IncidentDetail"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or reclassify an incident; the ledgers it touches are recomputed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        /** @enum {string} */
                        cause?: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
                        causeEvidence?: string | null;
                        lineFault?: boolean;
                        /** Format: date-time */
                        startedAt?: string;
                        /** Format: date-time */
                        resolvedAt?: string;
                        noticeGivenAt?: string | null;
                        note?: string;
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
                        "application/json": components["schemas"]["UpdatedIncident"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/incidents/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an update to the timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
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
                            ok: boolean;
                        };
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
    "/api/v1/incidents/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve: closes every interval, stops the 24-hour clock, recomputes compensation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        resolvedAt?: string;
                        note?: string;
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
                        "application/json": components["schemas"]["Incident"];
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
    "/api/v1/incidents/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a suspended server and close its suspension */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
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
                        "application/json": components["schemas"]["Incident"];
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
    "/api/v1/incidents/{id}/security-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The incident's security-event grade and report (null when not classified) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                            report: components["schemas"]["SecurityReport"] | null;
                        };
                    };
                };
            };
        };
        /** Save the report form (unit, time, place, type, impact, measures) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SecurityReportFormInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecurityReport"];
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
    "/api/v1/incidents/{id}/security-report/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Classify as a network-security event: 较大 or graver starts the 4 h (1 h) report clock */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SecurityClassifyBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecurityReport"];
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
    "/api/v1/incidents/{id}/security-report/reported": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the report was made (every item filled in): to whom and when */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SecurityReportedBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SecurityReport"];
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
    "/api/v1/inspection-photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A checklist photo */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link offers */
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
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationPreview"];
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
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: choose a login and password (once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices (第四条); a customer sees its own */
        get: {
            parameters: {
                query?: {
                    contractId?: string;
                    customerId?: string;
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
                            items: components["schemas"]["Invoice"][];
                        };
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
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An invoice with its payments, dunning steps and the customer credit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["InvoiceDetail"];
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
    "/api/v1/invoices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice as PDF (default) or HTML, amounts in figures and 大写 */
        get: {
            parameters: {
                query?: {
                    format?: "pdf" | "html";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/html": string;
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
    "/api/v1/invoices/{id}/fapiao": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The 发票 number, entered by finance when issued */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        fapiaoNumber: string;
                        /** Format: date */
                        issuedOn: string;
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
                        "application/json": components["schemas"]["Invoice"];
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
    "/api/v1/invoices/{id}/fapiao-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 发票 request: title, tax number, type (ordinary 普票 / special 专票) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        taxNumber: string;
                        type: components["schemas"]["FapiaoTypeInput"];
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
                        "application/json": components["schemas"]["Invoice"];
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
    "/api/v1/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a bank transfer (finance); partial payments add up, an overpayment becomes credit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: string;
                        /** Format: date */
                        receivedOn: string;
                        bankReference: string;
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
                        "application/json": components["schemas"]["RecordedPayment"];
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
    "/api/v1/ip-allocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IP allocations (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    serverId?: string;
                    customerId?: string;
                    poolId?: string;
                    activeOnly?: "true" | "false";
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
                            items: components["schemas"]["IpAllocation"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Allocate the next free address of a pool, or a chosen one, to a server (6.1) */
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
                        /** Format: uuid */
                        poolId: string;
                        /** Format: uuid */
                        serverId: string;
                        address?: string | null;
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
                        "application/json": components["schemas"]["IpAllocation"];
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
    "/api/v1/ip-allocations/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IP allocations as CSV (a customer gets its own; staff exports are audited) */
        get: {
            parameters: {
                query?: {
                    serverId?: string;
                    customerId?: string;
                    poolId?: string;
                    activeOnly?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/ip-allocations/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allocate the next N free addresses of a pool to a server, all or none (6.1) */
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
                        /** Format: uuid */
                        poolId: string;
                        /** Format: uuid */
                        serverId: string;
                        count: number;
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
                            items: components["schemas"]["IpAllocation"][];
                        };
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
    "/api/v1/ip-allocations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Release into quarantine */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["IpAllocation"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ip-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IP pools with their usage */
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
                            items: components["schemas"]["IpPoolWithUsage"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an IPv4 or IPv6 pool (NOC); overlapping prefixes are refused by the database */
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
                        prefix: string;
                        gateway?: string | null;
                        vlan?: number | null;
                        quarantineDays?: number;
                        siteId?: string | null;
                        reserved?: components["schemas"]["IpReservedRangeInput"][];
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
                        "application/json": components["schemas"]["IpPool"];
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
    "/api/v1/ip-pools/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** IP pools with their usage as CSV (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/ip-pools/{id}": {
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
        /** Edit a pool: name, gateway, VLAN, quarantine, site, reserved ranges (NOC); the prefix stays */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        gateway?: string | null;
                        vlan?: number | null;
                        quarantineDays?: number;
                        siteId?: string | null;
                        reserved?: components["schemas"]["IpReservedRangeInput"][];
                        version: number;
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
                        "application/json": components["schemas"]["IpPool"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/ip-pools/{id}/reserved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pool's reserved ranges (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                            items: components["schemas"]["IpReservedRange"][];
                        };
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
    "/api/v1/ip-pools/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a pool (NOC); refused while an address of it is allocated */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["IpPool"];
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
    "/api/v1/kyc/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** KYC review queue (staff) */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["KycStatusInput"];
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
                        "application/json": components["schemas"]["KycDocumentList"];
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
    "/api/v1/kyc/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/kyc/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify or reject a KYC document (sales, compliance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        verify: boolean;
                        reason?: string;
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
                        "application/json": components["schemas"]["KycDocument"];
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
    "/api/v1/maintenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Maintenance windows (a customer sees those affecting it) */
        get: {
            parameters: {
                query?: {
                    upcoming?: "true" | "false";
                    customerId?: string;
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
                            items: components["schemas"]["MaintenanceWindow"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Schedule planned work; expansion, relocation and cut-over need 48 h between notice and start (6.3) */
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
                        title: string;
                        /** @enum {string} */
                        kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
                        description?: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** Format: date-time */
                        endsAt: string;
                        scope: {
                            /** @enum {string} */
                            kind: "site" | "room" | "cabinet" | "switch" | "port" | "server" | "ip";
                            target: string;
                        }[];
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
                        "application/json": components["schemas"]["ScheduledMaintenanceWindow"];
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
    "/api/v1/maintenance/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A maintenance window with its consents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["MaintenanceWindowDetail"];
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
    "/api/v1/maintenance/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a scheduled window (customers are told) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["CancelledMaintenanceWindow"];
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
    "/api/v1/maintenance/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer's consent to (or refusal of) provider work (7.3) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accepted" | "declined";
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
                        "application/json": components["schemas"]["MaintenanceConsentDecision"];
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
    "/api/v1/maintenance/{id}/perform": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the work as done: its interruption, with notice and consent as they stood, feeds compensation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        startedAt?: string;
                        /** Format: date-time */
                        endedAt?: string;
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
                        "application/json": components["schemas"]["PerformedMaintenanceWindow"];
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
    "/api/v1/netbox/export/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inventory as CSV in NetBox's import columns (sites.csv, racks.csv, devices.csv, ip-addresses.csv) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: "sites.csv" | "racks.csv" | "devices.csv" | "ip-addresses.csv";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/netbox/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import NetBox 3.x/4.x CSV (sites, racks, prefixes, devices, interfaces, IP addresses; import or export column names): the preview (dryRun) reports every row as create / unchanged / ignored / refused and the role and tenant mapping; apply imports with the mapping given, in one transaction */
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
                        /** @default true */
                        dryRun?: boolean;
                        sites?: string;
                        racks?: string;
                        prefixes?: string;
                        devices?: string;
                        interfaces?: string;
                        ipAddresses?: string;
                        roles?: {
                            role: string;
                            action: components["schemas"]["NetboxRoleActionInput"];
                        }[];
                        tenants?: {
                            tenant: string;
                            customerId: string | null;
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
                        "application/json": components["schemas"]["NetboxImportReport"];
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
    "/api/v1/notice-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which of the customer's roster people get which notices by e-mail (24-hour contacts always get incidents) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["NoticePreference"][];
                        };
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
    "/api/v1/notice-preferences/{memberId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the notice categories one roster person gets by e-mail (customer owner/technical, sales) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    memberId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        customerId?: string;
                        categories: ("incident" | "maintenance" | "billing" | "contract" | "roster" | "tickets" | "general")[];
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
                        "application/json": components["schemas"]["NoticePreference"];
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
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notice register (第九条); a customer sees notices to and from it */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                            items: components["schemas"]["Notice"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Send a formal notice (staff → customer) or file one (customer owner → provider) */
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
                        /** Format: uuid */
                        customerId: string;
                        subject: string;
                        body: string;
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
                        "application/json": components["schemas"]["SentNotice"];
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
    "/api/v1/notices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notice with its deliveries and proof */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Notice"];
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
    "/api/v1/notices/{id}/deliveries/{deliveryId}/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The proof file of a post or fax delivery */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        /** Record proof of a post or fax delivery (multipart: file — the postal receipt or fax report, PDF/JPEG/PNG ≤ 10 MB); marks it sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
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
                        "application/json": components["schemas"]["Notice"];
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
    "/api/v1/notices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The scan of the document that carried a notice received from the customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/notices/{id}/letter.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The notice printed as a letter on the letterhead */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
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
    "/api/v1/port-assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disconnect */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new secret URL for the customer's maintenance calendar (replaces the old) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarFeed"];
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
    "/api/v1/portal/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's upcoming maintenance windows as iCalendar (for calendar apps; the token is the credential) */
        get: {
            parameters: {
                query: {
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
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
    "/api/v1/provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 乙方 profile (current version) */
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
                        "application/json": components["schemas"]["ProviderProfile"];
                    };
                };
            };
        };
        /** Edit the profile (saves a new version; admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        legalName: string;
                        uscc: string;
                        address: string;
                        domicileCourt: string;
                        bankName: string;
                        bankAccount: string;
                        signingPlace: string;
                        phone?: string | null;
                        noticeEmail?: string | null;
                        noticeFax?: string | null;
                        postalAddress: string;
                        sealFile?: string | null;
                        legalRepresentative?: string | null;
                        contactPerson?: string | null;
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
                        "application/json": components["schemas"]["ProviderProfile"];
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
    "/api/v1/provider/seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The seal image of the current or a given version (staff) */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the seal, a PNG image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                    };
                };
            };
        };
        /** Set the seal image for documents (multipart: file — PNG ≤ 1 MB; saves a new version; admin) */
        put: {
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
                        "application/json": components["schemas"]["ProviderProfile"];
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
    "/api/v1/provider/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the profile */
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
                        "application/json": components["schemas"]["ProviderProfileList"];
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
    "/api/v1/regulator/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change register, newest first (deadline, status; overdue flagged) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "exported" | "acknowledged" | "rejected";
                    exportId?: string;
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
                            items: components["schemas"]["RegulatorChange"][];
                        };
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
    "/api/v1/regulator/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exports handed over and the regulator’s answers, newest first */
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
                            items: components["schemas"]["RegulatorExport"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Export: a full snapshot, or the changes since the last acknowledged export (or an instant); refused with every failure listed, nothing written */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorExportBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorExportResult"];
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
    "/api/v1/regulator/exports/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The regulator accepted the export (its result code); its changes are acknowledged */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorAcknowledgeBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorExport"];
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
    "/api/v1/regulator/exports/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The regulator refused the export (result code and reason); its changes go out again with the next incremental export */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorRejectBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorExport"];
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
    "/api/v1/regulator/exports/{id}/zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The export’s zip as written (checked against its recorded SHA-256) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
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
    "/api/v1/regulator/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reconciliation findings, soonest deadline first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "converted" | "dismissed" | "cleared";
                    kind?: "unfiled_host" | "unfiled_sni" | "unallocated_ip" | "allocation_no_user" | "filing_not_resolving";
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
                            items: components["schemas"]["RegulatorFinding"][];
                        };
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
    "/api/v1/regulator/findings/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a finding into a complaint/violation (5.6 unfiled site) in one step */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["RegulatorConverted"];
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
    "/api/v1/regulator/findings/{id}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Dismiss a finding with a note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorDismissBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorFinding"];
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
    "/api/v1/regulator/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reconcile now: each day after the last reconciled one up to yesterday (or `through`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorReconcileBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorReconcileResult"];
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
    "/api/v1/regulator/register/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record kind of the basic-data register as it stands now (a page, in the file’s field order), with the count of every kind */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
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
                        "application/json": components["schemas"]["RegulatorRegisterPage"];
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
    "/api/v1/regulator/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The licence holder's particulars and the province's reporting days */
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
                        "application/json": components["schemas"]["RegulatorSettings"];
                    };
                };
            };
        };
        /** Set the licence number, province, house nature and officer, and the working days to report a change */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegulatorSettingsBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RegulatorSettings"];
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
    "/api/v1/regulator/validation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every reason the register could not be exported now (kind, record, reason in the request’s language) */
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
                        "application/json": components["schemas"]["RegulatorValidation"];
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
    "/api/v1/retention/customers/{customerId}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What holds a customer's data against redaction now */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
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
                            items: components["schemas"]["RetentionHold"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place a legal hold by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
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
                        "application/json": components["schemas"]["RetentionManualHold"];
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
    "/api/v1/retention/customers/{customerId}/redactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What was redacted of a customer's data, when, under which policy or request */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
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
                            items: components["schemas"]["RetentionRedaction"][];
                        };
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
    "/api/v1/retention/holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a hold placed by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["RetentionManualHold"];
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
    "/api/v1/retention/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The retention period per kind of personal data */
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
                            items: components["schemas"]["RetentionPolicy"][];
                        };
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
    "/api/v1/retention/policies/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a period (months after the relationship ended / the version was replaced) and the answer period in working days */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: "kyc_copies" | "roster_history";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RetentionPolicyBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetentionPolicy"];
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
    "/api/v1/retention/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deletion and correction requests with their answer deadlines */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "open" | "done" | "refused";
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
                            items: components["schemas"]["RetentionRequest"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a person’s request (a personal_data ticket; due in N working days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RetentionRequestBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetentionRequest"];
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
    "/api/v1/retention/requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer it; a granted deletion redacts now unless a legal hold forbids (409 LEGAL_HOLD) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RetentionAnswerBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetentionRequest"];
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
    "/api/v1/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rooms */
        get: {
            parameters: {
                query?: {
                    siteId?: string;
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
                            items: components["schemas"]["Room"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a room (NOC) */
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
                        /** Format: uuid */
                        siteId: string;
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
                        "application/json": components["schemas"]["Room"];
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
    "/api/v1/rooms/utilisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** U and power used per room, summed by the database (staff) */
        get: {
            parameters: {
                query?: {
                    roomId?: string;
                    siteId?: string;
                    minUsedPercent?: number;
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
                            items: components["schemas"]["RoomUtilisation"][];
                        };
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
    "/api/v1/rooms/{id}": {
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
        /** Rename a room (NOC) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        version: number;
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
                        "application/json": components["schemas"]["Room"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/rooms/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a room (NOC); refused while a cabinet or switch in it is not retired */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Room"];
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
    "/api/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The global search: an IP or prefix, domain, serial number, cabinet code, contract or invoice number, or customer (name, pinyin, phone), each hit with its chain (a customer finds only its own) */
        get: {
            parameters: {
                query: {
                    q: string;
                    kind?: components["schemas"]["SearchKindInput"];
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
                        "application/json": components["schemas"]["SearchResult"];
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
    "/api/v1/servers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Servers (a customer sees its own); with page/pageSize one page and the total */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
                    page?: number;
                    pageSize?: number;
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
                            items: components["schemas"]["Server"][];
                            total?: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a customer server, expected at the site (第二条) */
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
                        /** Format: uuid */
                        customerId: string;
                        brand: string;
                        model: string;
                        serialNumber: string;
                        name?: string | null;
                        heightU: number;
                        powerW?: number;
                        contractId?: string | null;
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
                        "application/json": components["schemas"]["Server"];
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
    "/api/v1/servers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Servers with their placement as CSV (a customer gets its own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/servers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register several of a customer's servers from a CSV; a report per row (created, or refused with the reason) */
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
                        /** Format: uuid */
                        customerId: string;
                        csv: string;
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
                        "application/json": components["schemas"]["ServerImportReport"];
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
    "/api/v1/servers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One server with its placement, ports and inspections */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["ServerDetail"];
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
    "/api/v1/servers/{id}/inspections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the intake inspection (5.2) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        powerSupplies: boolean;
                        rails: boolean;
                        interfaces: boolean;
                        labelling: boolean;
                        notes?: string | null;
                        itemNotes?: {
                            powerSupplies?: string | null;
                            rails?: string | null;
                            interfaces?: string | null;
                            labelling?: string | null;
                        };
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
                        "application/json": components["schemas"]["ServerInspection"];
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
    "/api/v1/servers/{id}/inspections/{inspectionId}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A photo of one checklist item (multipart: item, file — JPEG/PNG ≤ 10 MB) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    inspectionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InspectionPhoto"];
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
    "/api/v1/servers/{id}/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Connect a server interface to a port (100M shared by default, 6.1) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        portId: string;
                        interfaceName: string;
                        bandwidthMbps?: number;
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
                        "application/json": components["schemas"]["PortAssignment"];
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
    "/api/v1/servers/{id}/rack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rack a server: sets the activation date (7.1); 409 when the U range is occupied */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        cabinetId: string;
                        lowestU: number;
                        /** @enum {string} */
                        face: "front" | "rear" | "full";
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
                        "application/json": components["schemas"]["Server"];
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
    "/api/v1/servers/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a server off the rack (U, ports and IPs released) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Server"];
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
    "/api/v1/servers/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a server to commissioning, in service or suspended */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "commissioning" | "in_service" | "suspended";
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
                        "application/json": components["schemas"]["Server"];
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
    "/api/v1/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sites (机房) */
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
                            items: components["schemas"]["Site"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a site (NOC) */
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
                        code: string;
                        name: string;
                        address: string;
                        accessPoint: string;
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
                        "application/json": components["schemas"]["Site"];
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
    "/api/v1/sites/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sites as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/sites/{id}": {
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
        /** Edit a site (NOC); 409 STALE_VERSION when someone saved first */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code?: string;
                        name?: string;
                        address?: string;
                        accessPoint?: string;
                        version: number;
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
                        "application/json": components["schemas"]["Site"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sites/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a site (NOC); refused while a room in it is not retired */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Site"];
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
    "/api/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's status: incidents affecting it now and lately, upcoming planned work, its ledger */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
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
                        "application/json": components["schemas"]["CustomerStatusPage"];
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
    "/api/v1/suspensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a server that destabilises the network (6.3): reason and evidence; the customer is told; not compensated */
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
                        /** Format: uuid */
                        serverId: string;
                        reason: string;
                        evidence: string;
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
                        "application/json": components["schemas"]["Incident"];
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
    "/api/v1/switch-ports/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every switch port and who uses it, as CSV (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/switch-ports/{id}": {
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
        /** Rename a port or change its speed (NOC) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        speedMbps?: number;
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
                        "application/json": components["schemas"]["SwitchPort"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/switches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Switches */
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
                            items: components["schemas"]["Switch"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a switch with its ports */
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
                        /** Format: uuid */
                        roomId: string;
                        cabinetId?: string | null;
                        name: string;
                        model: string;
                        uplinkMbps?: number;
                        portCount: number;
                        portSpeedMbps?: number;
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
                        "application/json": components["schemas"]["CreatedSwitch"];
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
    "/api/v1/switches/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Switches as CSV (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/switches/{id}": {
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
        /** Edit a switch (NOC) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cabinetId?: string | null;
                        name?: string;
                        model?: string;
                        uplinkMbps?: number;
                        version: number;
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
                        "application/json": components["schemas"]["Switch"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/switches/{id}/ports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ports of a switch and who uses them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                                /** Format: uuid */
                                id: string;
                                name: string;
                                speedMbps: number;
                                assignment: components["schemas"]["PortAssignment"] | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add ports to a switch (NOC) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        count: number;
                        speedMbps?: number;
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
                            items: components["schemas"]["SwitchPort"][];
                        };
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
    "/api/v1/switches/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a switch (NOC); refused while a server is connected to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Switch"];
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
    "/api/v1/takedowns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Takedown orders (compliance, auditor) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    status?: "registered" | "executed" | "lifted";
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
                            items: components["schemas"]["Takedown"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register an authority's takedown order (the targets must be one customer's) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TakedownBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Takedown"];
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
    "/api/v1/takedowns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with its targets and proof */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Takedown"];
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
    "/api/v1/takedowns/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Execute: suspend, block at the gate and apply, probe the blocked names (HTTP 451 / TLS refused), notify the customer (第九条), seal the receipt */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Takedown"];
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
    "/api/v1/takedowns/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the order (withdrawn by the authority); its block leaves the gate at the next apply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
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
                        "application/json": components["schemas"]["Takedown"];
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
    "/api/v1/takedowns/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sealed completion receipt (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
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
    "/api/v1/takedowns/{id}/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The authority's document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                    };
                };
            };
        };
        put?: never;
        /** File the authority's document (multipart: file — PDF, JPEG or PNG) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["Takedown"];
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
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open staff tasks (e.g. KYC expiring) */
        get: {
            parameters: {
                query?: {
                    role?: components["schemas"]["StaffTaskRoleInput"];
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
                        "application/json": components["schemas"]["StaffTaskList"];
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
    "/api/v1/tasks/{id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["StaffTask"];
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
    "/api/v1/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, as a queue: by status, type, customer, assignee; oldest first with sort=age (a customer sees its own) */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
                    active?: "true" | "false";
                    type?: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
                    customerId?: string;
                    assigneeId?: string;
                    unassigned?: "true" | "false";
                    sort?: "age" | "newest";
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
                            items: components["schemas"]["Ticket"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a ticket — e.g. a reboot, at any hour, as often as needed (6.1); tied to a server, contract or domain */
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
                        /** Format: uuid */
                        customerId?: string;
                        serverId?: string | null;
                        contractId?: string | null;
                        domain?: string | null;
                        /** @enum {string} */
                        type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
                        /** @enum {string} */
                        priority?: "urgent" | "high" | "normal" | "low";
                        subject: string;
                        /** @default  */
                        description?: string;
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
                        "application/json": components["schemas"]["Ticket"];
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
    "/api/v1/tickets/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff a ticket can be assigned to */
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
                            items: components["schemas"]["TicketAssignee"][];
                        };
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
    "/api/v1/tickets/reports/response-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Response times per month and type (count, median/p90 first response, median resolution, % within target) */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
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
                            from: string;
                            to: string;
                            items: components["schemas"]["TicketResponseTimes"][];
                        };
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
    "/api/v1/tickets/reports/response-times.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The response-time report as CSV */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
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
    "/api/v1/tickets/sla-targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Response targets per ticket type (7×24 clock time) */
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
                            items: components["schemas"]["TicketSlaTarget"][];
                        };
                    };
                };
            };
        };
        /** Change a type's response targets (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
                        firstResponseMinutes: number;
                        resolutionMinutes: number | null;
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
                        "application/json": components["schemas"]["TicketSlaTarget"];
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
    "/api/v1/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket with its thread, attachments and measured times (internal notes for staff only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["TicketDetail"];
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
    "/api/v1/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to a staff member (null: back to the queue); audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId: string | null;
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
                        "application/json": components["schemas"]["Ticket"];
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
    "/api/v1/tickets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a file (multipart: file — PDF/JPEG/PNG ≤ 10 MB; commentId; internal=true for staff) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketAttachment"];
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
    "/api/v1/tickets/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An attachment file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    attachmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
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
    "/api/v1/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply (the first public staff reply is the first response); internal=true is a staff note the customer never sees */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /** @default false */
                        internal?: boolean;
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
                        "application/json": components["schemas"]["TicketComment"];
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
    "/api/v1/tickets/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a ticket on (acknowledged, in progress, resolved, closed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
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
                        "application/json": components["schemas"]["Ticket"];
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
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API tokens */
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
                        "application/json": components["schemas"]["ApiTokenList"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token (the secret is returned once) */
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
                        scopes: components["schemas"]["ApiTokenScopeInput"][];
                        expiresAt?: (string) | null;
                        userId?: string | null;
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
                        "application/json": components["schemas"]["ApiTokenCreated"];
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
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    kind?: components["schemas"]["UserKindInput"];
                    customerId?: string;
                    page?: number;
                    pageSize?: number;
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
                        "application/json": components["schemas"]["UserPage"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
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
                        login: string;
                        displayName: string;
                        email?: string | null;
                        kind: components["schemas"]["UserKindInput"];
                        roles: string[];
                        customerId?: string | null;
                        password: string;
                        locale?: components["schemas"]["LocaleInput"];
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user (ends their sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["User"];
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
    "/api/v1/users/{id}/reset-factors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user's second factors after a lost device (admin: staff; a customer's owner: its users); ends their sessions, tells them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a password to a temporary one, shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
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
                        "application/json": components["schemas"]["TemporaryPassword"];
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessSettings: {
            opensMinute: number;
            closesMinute: number;
            maxVisitMinutes: number;
            equipmentRoles: string[];
        };
        AccessSettingsInput: {
            opensMinute: number;
            closesMinute: number;
            maxVisitMinutes: number;
            equipmentRoles: string[];
        };
        AccountFactors: {
            totp: boolean;
            recoveryCodesLeft: number;
            passkeys: {
                id: string;
                name: string;
                createdAt: (string) | null;
                lastUsedAt: (string) | null;
            }[];
            required: boolean;
        };
        AccountFactorsInput: {
            totp: boolean;
            recoveryCodesLeft: number;
            passkeys: {
                id: string;
                name: string;
                createdAt: string | null;
                lastUsedAt: string | null;
            }[];
            required: boolean;
        };
        AccountPolicy: {
            require2fa: boolean;
        };
        AccountPolicyInput: {
            require2fa: boolean;
        };
        AccountSession: {
            /** @description a handle for ending the session (not the cookie) */
            id: string;
            current: boolean;
            ip: string | null;
            userAgent: string | null;
            createdAt: (string) | null;
            lastSeenAt: (string) | null;
        };
        AccountSessionInput: {
            /** @description a handle for ending the session (not the cookie) */
            id: string;
            current: boolean;
            ip: string | null;
            userAgent: string | null;
            createdAt: string | null;
            lastSeenAt: string | null;
        };
        AccountSessionList: {
            items: components["schemas"]["AccountSession"][];
        };
        AccountSessionListInput: {
            items: components["schemas"]["AccountSessionInput"][];
        };
        /**
         * @description days past the 第四条 due date: not_due (≤0), d1_30, d31_60, d61_90, over_90
         * @enum {string}
         */
        AgingBucket: "not_due" | "d1_30" | "d31_60" | "d61_90" | "over_90";
        /**
         * @description days past the 第四条 due date: not_due (≤0), d1_30, d31_60, d61_90, over_90
         * @enum {string}
         */
        AgingBucketInput: "not_due" | "d1_30" | "d31_60" | "d61_90" | "over_90";
        AlertChannel: {
            id: string;
            kind: components["schemas"]["AlertChannelKind"];
            name: string;
            /** @description the URL with its query values cut to four characters (the robots carry their key there) */
            url: string;
            secretSet: boolean;
            enabled: boolean;
            createdBy: string | null;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        AlertChannelInput: {
            id: string;
            kind: components["schemas"]["AlertChannelKindInput"];
            name: string;
            /** @description the URL with its query values cut to four characters (the robots carry their key there) */
            url: string;
            secretSet: boolean;
            enabled: boolean;
            createdBy: string | null;
            createdAt: string | null;
            updatedAt: string | null;
        };
        /**
         * @description wecom = 企业微信群机器人, dingtalk = 钉钉群机器人, webhook = generic signed webhook
         * @enum {string}
         */
        AlertChannelKind: "wecom" | "dingtalk" | "webhook";
        /**
         * @description wecom = 企业微信群机器人, dingtalk = 钉钉群机器人, webhook = generic signed webhook
         * @enum {string}
         */
        AlertChannelKindInput: "wecom" | "dingtalk" | "webhook";
        AlertChannelList: {
            items: components["schemas"]["AlertChannel"][];
        };
        AlertChannelListInput: {
            items: components["schemas"]["AlertChannelInput"][];
        };
        AlertDelivery: {
            id: string;
            /** @enum {string} */
            eventKind: "ticket.urgentReboot" | "incident.opened" | "commissioning.atRisk" | "payment.received" | "gate.applyFailed" | "test";
            eventKey: string;
            channelId: string;
            channelName: string;
            channelKind: components["schemas"]["AlertChannelKind"];
            title: string;
            body: string;
            link: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
            nextAttemptAt: (string) | null;
            lastError: string | null;
            response: string | null;
            sentAt: (string) | null;
            createdAt: (string) | null;
        };
        AlertDeliveryInput: {
            id: string;
            /** @enum {string} */
            eventKind: "ticket.urgentReboot" | "incident.opened" | "commissioning.atRisk" | "payment.received" | "gate.applyFailed" | "test";
            eventKey: string;
            channelId: string;
            channelName: string;
            channelKind: components["schemas"]["AlertChannelKindInput"];
            title: string;
            body: string;
            link: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
            nextAttemptAt: string | null;
            lastError: string | null;
            response: string | null;
            sentAt: string | null;
            createdAt: string | null;
        };
        AlertDeliveryList: {
            items: components["schemas"]["AlertDelivery"][];
        };
        AlertDeliveryListInput: {
            items: components["schemas"]["AlertDeliveryInput"][];
        };
        /** @enum {string} */
        AlertEventKind: "ticket.urgentReboot" | "incident.opened" | "commissioning.atRisk" | "payment.received" | "gate.applyFailed";
        /** @enum {string} */
        AlertEventKindInput: "ticket.urgentReboot" | "incident.opened" | "commissioning.atRisk" | "payment.received" | "gate.applyFailed";
        AlertIngestResult: {
            received: number;
            results: {
                fingerprint: string;
                /** @enum {string} */
                outcome: "opened" | "joined" | "duplicate" | "resolved" | "resolved_late" | "already_resolved" | "unmatched";
                incidentId: string | null;
            }[];
        };
        AlertIngestResultInput: {
            received: number;
            results: {
                fingerprint: string;
                /** @enum {string} */
                outcome: "opened" | "joined" | "duplicate" | "resolved" | "resolved_late" | "already_resolved" | "unmatched";
                incidentId: string | null;
            }[];
        };
        AlertSubscription: {
            eventKind: components["schemas"]["AlertEventKind"];
            /** @enum {string} */
            role: "admin" | "sales" | "noc" | "compliance" | "finance" | "auditor";
            /** Format: uuid */
            channelId: string;
        };
        AlertSubscriptionInput: {
            eventKind: components["schemas"]["AlertEventKindInput"];
            /** @enum {string} */
            role: "admin" | "sales" | "noc" | "compliance" | "finance" | "auditor";
            /** Format: uuid */
            channelId: string;
        };
        AlertSubscriptionList: {
            items: components["schemas"]["AlertSubscription"][];
        };
        AlertSubscriptionListInput: {
            items: components["schemas"]["AlertSubscriptionInput"][];
        };
        AlertmanagerWebhook: {
            version: string;
            /** @enum {string} */
            status: "firing" | "resolved";
            receiver?: string;
            groupKey?: string;
            truncatedAlerts?: number;
            groupLabels?: {
                [key: string]: string;
            };
            commonLabels?: {
                [key: string]: string;
            };
            commonAnnotations?: {
                [key: string]: string;
            };
            externalURL?: string;
            alerts: {
                /** @enum {string} */
                status: "firing" | "resolved";
                labels: {
                    [key: string]: string;
                };
                annotations?: {
                    [key: string]: string;
                };
                /** Format: date-time */
                startsAt: string;
                /** Format: date-time */
                endsAt?: string;
                generatorURL?: string;
                fingerprint: string;
            }[];
        };
        AlertmanagerWebhookInput: {
            version: string;
            /** @enum {string} */
            status: "firing" | "resolved";
            receiver?: string;
            groupKey?: string;
            truncatedAlerts?: number;
            groupLabels?: {
                [key: string]: string;
            };
            commonLabels?: {
                [key: string]: string;
            };
            commonAnnotations?: {
                [key: string]: string;
            };
            externalURL?: string;
            alerts: {
                /** @enum {string} */
                status: "firing" | "resolved";
                labels: {
                    [key: string]: string;
                };
                annotations?: {
                    [key: string]: string;
                };
                /** Format: date-time */
                startsAt: string;
                /** Format: date-time */
                endsAt?: string;
                generatorURL?: string;
                fingerprint: string;
            }[];
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            scopes: components["schemas"]["ApiTokenScope"][];
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            userId: string;
            createdAt: (string) | null;
            expiresAt: (string) | null;
            lastUsedAt: (string) | null;
            revokedAt: (string) | null;
        };
        ApiTokenCreated: {
            /** @description the secret, returned this once */
            token: string;
            item: components["schemas"]["ApiToken"];
        };
        ApiTokenCreatedInput: {
            /** @description the secret, returned this once */
            token: string;
            item: components["schemas"]["ApiTokenInput"];
        };
        ApiTokenInput: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            scopes: components["schemas"]["ApiTokenScopeInput"][];
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            userId: string;
            createdAt: string | null;
            expiresAt: string | null;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        ApiTokenList: {
            items: components["schemas"]["ApiToken"][];
        };
        ApiTokenListInput: {
            items: components["schemas"]["ApiTokenInput"][];
        };
        /** @enum {string} */
        ApiTokenScope: "alerts:write" | "dns:write" | "metrics:read" | "read" | "tickets:write";
        /** @enum {string} */
        ApiTokenScopeInput: "alerts:write" | "dns:write" | "metrics:read" | "read" | "tickets:write";
        /** @enum {string} */
        AuditActorKind: "staff" | "customer" | "token" | "system";
        /** @enum {string} */
        AuditActorKindInput: "staff" | "customer" | "token" | "system";
        AuditAnchorTaken: {
            /** @description false: nothing new since the last anchor, which is returned */
            written: boolean;
            /** @description null: the chain is empty */
            anchor: {
                seq: number;
                at: string;
                file: string;
            } | null;
        };
        AuditAnchorTakenInput: {
            /** @description false: nothing new since the last anchor, which is returned */
            written: boolean;
            /** @description null: the chain is empty */
            anchor: {
                seq: number;
                at: string;
                file: string;
            } | null;
        };
        /** @description what verification found first, in chain order */
        AuditChainProblem: {
            /** @enum {string} */
            kind: "row-changed" | "anchor-mismatch" | "rows-missing" | "anchor-invalid";
            seq: number | null;
            fromSeq: number | null;
            anchorFile: string | null;
            anchorAt: string | null;
        };
        /** @description what verification found first, in chain order */
        AuditChainProblemInput: {
            /** @enum {string} */
            kind: "row-changed" | "anchor-mismatch" | "rows-missing" | "anchor-invalid";
            seq: number | null;
            fromSeq: number | null;
            anchorFile: string | null;
            anchorAt: string | null;
        };
        AuditChainVerification: {
            ok: boolean;
            checked: number;
            firstBrokenSeq: number | null;
            /** @description anchor files (outside the database) the chain was checked against */
            anchors: number;
            problem: components["schemas"]["AuditChainProblem"] | null;
        };
        AuditChainVerificationInput: {
            ok: boolean;
            checked: number;
            firstBrokenSeq: number | null;
            /** @description anchor files (outside the database) the chain was checked against */
            anchors: number;
            problem: components["schemas"]["AuditChainProblemInput"] | null;
        };
        AuditEntry: {
            /** Format: uuid */
            id: string;
            seq: number;
            at: (string) | null;
            actorId: string | null;
            actorLogin: string | null;
            actorName: string | null;
            actorKind: components["schemas"]["AuditActorKind"];
            action: string;
            entity: string;
            entityId: string | null;
            customerId: string | null;
            requestId: string | null;
            before: unknown;
            after: unknown;
        };
        AuditEntryInput: {
            /** Format: uuid */
            id: string;
            seq: number;
            at: string | null;
            actorId: string | null;
            actorLogin: string | null;
            actorName: string | null;
            actorKind: components["schemas"]["AuditActorKindInput"];
            action: string;
            entity: string;
            entityId: string | null;
            customerId: string | null;
            requestId: string | null;
            before: unknown;
            after: unknown;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            total: number;
        };
        AuditPageInput: {
            items: components["schemas"]["AuditEntryInput"][];
            total: number;
        };
        BankImportPreview: {
            lines: {
                line: number;
                lineHash: string;
                receivedOn: string | null;
                amountFen: number | null;
                payerName: string;
                reference: string;
                bankReference: string;
                error: string | null;
                alreadyRecorded: boolean;
                invoice: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    /** Format: uuid */
                    customerId: string;
                    customerName: string;
                    /** @description amount in fen (分): 100 = ¥1.00 */
                    outstandingFen: number;
                } | null;
                /** @enum {string} */
                confidence: "high" | "medium" | "low" | "none";
                reasons: ("invoiceNumber" | "amountEqualsOutstanding" | "amountDiffers" | "payerIsCustomer" | "payerDiffers" | "onlyInvoiceWithAmount" | "severalInvoicesWithAmount")[];
            }[];
        };
        BankImportPreviewInput: {
            lines: {
                line: number;
                lineHash: string;
                receivedOn: string | null;
                amountFen: number | null;
                payerName: string;
                reference: string;
                bankReference: string;
                error: string | null;
                alreadyRecorded: boolean;
                invoice: {
                    /** Format: uuid */
                    id: string;
                    number: string;
                    /** Format: uuid */
                    customerId: string;
                    customerName: string;
                    /** @description amount in fen (分): 100 = ¥1.00 */
                    outstandingFen: number;
                } | null;
                /** @enum {string} */
                confidence: "high" | "medium" | "low" | "none";
                reasons: ("invoiceNumber" | "amountEqualsOutstanding" | "amountDiffers" | "payerIsCustomer" | "payerDiffers" | "onlyInvoiceWithAmount" | "severalInvoicesWithAmount")[];
            }[];
        };
        BankImportResult: {
            results: {
                line: number;
                /** @enum {string} */
                status: "recorded" | "alreadyRecorded" | "refused";
                paymentId: string | null;
                error: string | null;
            }[];
        };
        BankImportResultInput: {
            results: {
                line: number;
                /** @enum {string} */
                status: "recorded" | "alreadyRecorded" | "refused";
                paymentId: string | null;
                error: string | null;
            }[];
        };
        BillingPayment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            appliedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditedFen: number;
            /** Format: date */
            receivedOn: string;
            bankReference: string | null;
            recordedBy: string | null;
            createdAt: (string) | null;
        };
        BillingPaymentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            appliedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditedFen: number;
            /** Format: date */
            receivedOn: string;
            bankReference: string | null;
            recordedBy: string | null;
            createdAt: string | null;
        };
        BillingSweepDay: {
            /** Format: date */
            day: string;
            ranAt: (string) | null;
            result: {
                /** Format: date */
                day?: string;
                renewed?: number;
                ended?: number;
                overdue?: string[];
                reminders?: string[];
                proposals?: string[];
                expiryReminders?: string[];
            };
        };
        BillingSweepDayInput: {
            /** Format: date */
            day: string;
            ranAt: string | null;
            result: {
                /** Format: date */
                day?: string;
                renewed?: number;
                ended?: number;
                overdue?: string[];
                reminders?: string[];
                proposals?: string[];
                expiryReminders?: string[];
            };
        };
        Cabinet: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            roomName?: string;
            /** Format: uuid */
            siteId?: string;
            code: string;
            heightU: number;
            powerBudgetW: number;
            /** @enum {string} */
            status: "active" | "reserved" | "retired";
            createdAt: (string) | null;
            version: number;
            positionRow: string | null;
            positionColumn: number | null;
            ratedCurrentA: number | null;
            retiredAt: (string) | null;
        };
        CabinetInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            roomName?: string;
            /** Format: uuid */
            siteId?: string;
            code: string;
            heightU: number;
            powerBudgetW: number;
            /** @enum {string} */
            status: "active" | "reserved" | "retired";
            createdAt: string | null;
            version: number;
            positionRow: string | null;
            positionColumn: number | null;
            ratedCurrentA: number | null;
            retiredAt: string | null;
        };
        CabinetUtilisation: {
            /** Format: uuid */
            cabinetId: string;
            code: string;
            /** Format: uuid */
            roomId: string;
            heightU: number;
            powerBudgetW: number;
            ratedCurrentA: number | null;
            positionRow: string | null;
            positionColumn: number | null;
            /** @enum {string} */
            status: "active" | "reserved" | "retired";
            usedU: number;
            powerW: number;
            servers: number;
        };
        CabinetUtilisationInput: {
            /** Format: uuid */
            cabinetId: string;
            code: string;
            /** Format: uuid */
            roomId: string;
            heightU: number;
            powerBudgetW: number;
            ratedCurrentA: number | null;
            positionRow: string | null;
            positionColumn: number | null;
            /** @enum {string} */
            status: "active" | "reserved" | "retired";
            usedU: number;
            powerW: number;
            servers: number;
        };
        CalendarArrangementInput: {
            source?: string;
            holidays: {
                name: string;
                from: string;
                to: string;
                makeUpDays: string[];
            }[];
        };
        CalendarArrangementInputInput: {
            source?: string;
            holidays: {
                name: string;
                from: string;
                to: string;
                makeUpDays: string[];
            }[];
        };
        CalendarCoverage: {
            years: number[];
            loaded: {
                year: number;
                loadedAt: string;
                source: string | null;
            }[];
        };
        CalendarCoverageInput: {
            years: number[];
            loaded: {
                year: number;
                loadedAt: string;
                source: string | null;
            }[];
        };
        /** @description holiday: a day off (放假, 补休); makeup: a 调休 Saturday or Sunday worked */
        CalendarDay: {
            date: string;
            /** @enum {string} */
            kind: "workday" | "weekend" | "holiday" | "makeup";
            name: string | null;
        };
        CalendarDayDiff: {
            date: string;
            /** @enum {string} */
            official: "off" | "work";
            /** @enum {string} */
            provisional: "off" | "work";
            name: string | null;
        };
        CalendarDayDiffInput: {
            date: string;
            /** @enum {string} */
            official: "off" | "work";
            /** @enum {string} */
            provisional: "off" | "work";
            name: string | null;
        };
        /** @description holiday: a day off (放假, 补休); makeup: a 调休 Saturday or Sunday worked */
        CalendarDayInput: {
            date: string;
            /** @enum {string} */
            kind: "workday" | "weekend" | "holiday" | "makeup";
            name: string | null;
        };
        CalendarDeadline: {
            deadline: string;
            provisional: boolean;
        };
        CalendarDeadlineInput: {
            deadline: string;
            provisional: boolean;
        };
        CalendarFeed: {
            token: string;
            path: string;
        };
        CalendarFeedInput: {
            token: string;
            path: string;
        };
        /** @description One holiday as the State Council notice states it: days off from–to and the 调休 working days */
        CalendarHolidayBlock: {
            name: string;
            from: string;
            to: string;
            makeUpDays: string[];
        };
        /** @description One holiday as the State Council notice states it: days off from–to and the 调休 working days */
        CalendarHolidayBlockInput: {
            name: string;
            from: string;
            to: string;
            makeUpDays: string[];
        };
        CalendarRecomputedRecord: {
            /** @description commissioning (5.1 deadline) or invoice (第四条 due date) */
            kind: string;
            entityId: string;
            /** @description the contract number (commissioning) or the invoice number (invoice) */
            number: string;
            /** @description in Chinese, as the audit has it */
            label: string;
            before: string;
            after: string;
        };
        CalendarRecomputedRecordInput: {
            /** @description commissioning (5.1 deadline) or invoice (第四条 due date) */
            kind: string;
            entityId: string;
            /** @description the contract number (commissioning) or the invoice number (invoice) */
            number: string;
            /** @description in Chinese, as the audit has it */
            label: string;
            before: string;
            after: string;
        };
        CalendarStatus: {
            today: string;
            officialYears: number[];
            provisionalYears: number[];
            nextYear: number;
            nextYearProvisional: boolean;
            bannerDue: boolean;
        };
        CalendarStatusInput: {
            today: string;
            officialYears: number[];
            provisionalYears: number[];
            nextYear: number;
            nextYearProvisional: boolean;
            bannerDue: boolean;
        };
        CalendarYearLoaded: {
            year: number;
        };
        CalendarYearLoadedInput: {
            year: number;
        };
        /** @enum {string} */
        CalendarYearOrigin: "packaged" | "loaded" | "provisional";
        /** @enum {string} */
        CalendarYearOriginInput: "packaged" | "loaded" | "provisional";
        CalendarYearSaved: {
            year: number;
            view: components["schemas"]["CalendarYearView"];
            recomputed: components["schemas"]["CalendarRecomputedRecord"][];
        };
        CalendarYearSavedInput: {
            year: number;
            view: components["schemas"]["CalendarYearViewInput"];
            recomputed: components["schemas"]["CalendarRecomputedRecordInput"][];
        };
        CalendarYearView: {
            year: number;
            origin: components["schemas"]["CalendarYearOrigin"];
            provisional: boolean;
            source: string | null;
            loadedAt: string | null;
            days: components["schemas"]["CalendarDay"][];
            arrangement: components["schemas"]["CalendarHolidayBlock"][];
            diff: components["schemas"]["CalendarDayDiff"][];
        };
        CalendarYearViewInput: {
            year: number;
            origin: components["schemas"]["CalendarYearOriginInput"];
            provisional: boolean;
            source: string | null;
            loadedAt: string | null;
            days: components["schemas"]["CalendarDayInput"][];
            arrangement: components["schemas"]["CalendarHolidayBlockInput"][];
            diff: components["schemas"]["CalendarDayDiffInput"][];
        };
        CancelledMaintenanceWindow: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: (string) | null;
            endsAt: (string) | null;
            noticedAt: (string) | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            consents?: components["schemas"]["MaintenanceConsent"][];
        };
        CancelledMaintenanceWindowInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: string | null;
            endsAt: string | null;
            noticedAt: string | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            consents?: components["schemas"]["MaintenanceConsentInput"][];
        };
        CommissioningOrder: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            rackedOn: string;
            /** Format: date */
            dueOn: string;
            dueOnProvisional: boolean;
            completedAt: (string) | null;
            breachedAt: (string) | null;
            createdAt: (string) | null;
        };
        CommissioningOrderInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            rackedOn: string;
            /** Format: date */
            dueOn: string;
            dueOnProvisional: boolean;
            completedAt: string | null;
            breachedAt: string | null;
            createdAt: string | null;
        };
        CompensationLine: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "credited" | "excluded";
            fromAt: (string) | null;
            toAt: (string) | null;
            minutes: number;
            hours: number;
            reasons: string[];
            incidentIds: string[];
            incidentNumbers?: string[];
            servers?: string[];
            breach: boolean;
            computedAt: (string) | null;
        };
        CompensationLineInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "credited" | "excluded";
            fromAt: string | null;
            toAt: string | null;
            minutes: number;
            hours: number;
            reasons: string[];
            incidentIds: string[];
            incidentNumbers?: string[];
            servers?: string[];
            breach: boolean;
            computedAt: string | null;
        };
        CompensationRecomputeRun: {
            /** Format: uuid */
            id: string;
            requestedBy: string | null;
            requestedAt: (string) | null;
            /** @enum {string} */
            step: "queued" | "check" | "recompute" | "done" | "failed";
            done: number;
            total: number;
            contracts: number | null;
            changed: number | null;
            error: string | null;
            heartbeatAt: (string) | null;
            finishedAt: (string) | null;
        };
        CompensationRecomputeRunInput: {
            /** Format: uuid */
            id: string;
            requestedBy: string | null;
            requestedAt: string | null;
            /** @enum {string} */
            step: "queued" | "check" | "recompute" | "done" | "failed";
            done: number;
            total: number;
            contracts: number | null;
            changed: number | null;
            error: string | null;
            heartbeatAt: string | null;
            finishedAt: string | null;
        };
        Complaint: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            domainId: string | null;
            /** @description null for a customer: who complained is not theirs to know */
            source: string | null;
            /** @enum {string} */
            category: "spam" | "intrusion" | "infringement" | "pornography" | "gambling" | "fraud" | "network_instability" | "unfiled_site" | "prohibited_service" | "other";
            description: string;
            ip: string | null;
            domain: string | null;
            hasEvidence: boolean;
            /** @enum {string} */
            status: "open" | "notified" | "confirmed" | "dismissed" | "resolved";
            receivedAt: (string) | null;
            noticeId: string | null;
            deadlineAt: (string) | null;
            clause: ("5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3") | null;
            /** @enum {string} */
            suggestedClause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
            decidedAt: (string) | null;
            decisionNote: string | null;
            resolvedAt: (string) | null;
        };
        ComplaintInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            domainId: string | null;
            /** @description null for a customer: who complained is not theirs to know */
            source: string | null;
            /** @enum {string} */
            category: "spam" | "intrusion" | "infringement" | "pornography" | "gambling" | "fraud" | "network_instability" | "unfiled_site" | "prohibited_service" | "other";
            description: string;
            ip: string | null;
            domain: string | null;
            hasEvidence: boolean;
            /** @enum {string} */
            status: "open" | "notified" | "confirmed" | "dismissed" | "resolved";
            receivedAt: string | null;
            noticeId: string | null;
            deadlineAt: string | null;
            clause: ("5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3") | null;
            /** @enum {string} */
            suggestedClause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
            decidedAt: string | null;
            decisionNote: string | null;
            resolvedAt: string | null;
        };
        ComplianceDomain: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            serverId: string;
            /** @description ASCII (punycode) form, as DNS and nginx see it */
            domain: string;
            domainUnicode: string;
            address: string;
            /** @enum {string} */
            use: "commercial" | "non_commercial";
            filingNumber: string;
            psbNumber: string | null;
            hasEvidence: boolean;
            evidenceFileName: string | null;
            evidenceContentType: ("application/pdf" | "image/jpeg" | "image/png") | null;
            /** @enum {string} */
            status: "submitted" | "verified" | "suspended" | "revoked";
            statusReason: string | null;
            verifiedAt: (string) | null;
            verifiedBy: string | null;
            verifier: string | null;
            verificationMethod: ("miit_lookup" | "licence_original_seen" | "authority_confirmation") | null;
            verificationNote: string | null;
            reverifyDueOn: string | null;
            reverificationOverdue?: boolean;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        ComplianceDomainInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            serverId: string;
            /** @description ASCII (punycode) form, as DNS and nginx see it */
            domain: string;
            domainUnicode: string;
            address: string;
            /** @enum {string} */
            use: "commercial" | "non_commercial";
            filingNumber: string;
            psbNumber: string | null;
            hasEvidence: boolean;
            evidenceFileName: string | null;
            evidenceContentType: ("application/pdf" | "image/jpeg" | "image/png") | null;
            /** @enum {string} */
            status: "submitted" | "verified" | "suspended" | "revoked";
            statusReason: string | null;
            verifiedAt: string | null;
            verifiedBy: string | null;
            verifier: string | null;
            verificationMethod: ("miit_lookup" | "licence_original_seen" | "authority_confirmation") | null;
            verificationNote: string | null;
            reverifyDueOn: string | null;
            reverificationOverdue?: boolean;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
        };
        ComplianceTerminatedContract: {
            /** Format: uuid */
            id: string;
            status: string;
        };
        ComplianceTerminatedContractInput: {
            /** Format: uuid */
            id: string;
            status: string;
        };
        Contract: {
            /** Format: uuid */
            id: string;
            /** @description RP-YYYY-NNNN, continuous per year */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            siteId: string;
            providerVersion: number;
            templateVersion: string;
            terms: components["schemas"]["ContractTerms"];
            termMonths: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            signingPlace: string;
            signingDate: string | null;
            status: components["schemas"]["ContractStatus"];
            securityLetterSigned: boolean;
            userUndertakingSigned: boolean;
            securityLetterSha256?: string | null;
            userUndertakingSha256?: string | null;
            /** @description 开通日: the day the first server was racked */
            activationDate: string | null;
            termStart: string | null;
            /** @description 期满日 */
            termEnd: string | null;
            compensationHours: number;
            nonRenewalNoticedAt: (string) | null;
            renewalCount: number;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        /** @enum {string} */
        ContractCopyKind: "sent" | "activation";
        /** @enum {string} */
        ContractCopyKindInput: "sent" | "activation";
        ContractDetail: {
            /** Format: uuid */
            id: string;
            /** @description RP-YYYY-NNNN, continuous per year */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            siteId: string;
            providerVersion: number;
            templateVersion: string;
            terms: components["schemas"]["ContractTerms"];
            termMonths: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            signingPlace: string;
            signingDate: string | null;
            status: components["schemas"]["ContractStatus"];
            securityLetterSigned: boolean;
            userUndertakingSigned: boolean;
            securityLetterSha256?: string | null;
            userUndertakingSha256?: string | null;
            /** @description 开通日: the day the first server was racked */
            activationDate: string | null;
            termStart: string | null;
            /** @description 期满日 */
            termEnd: string | null;
            compensationHours: number;
            nonRenewalNoticedAt: (string) | null;
            renewalCount: number;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
            site: {
                /** Format: uuid */
                id: string;
                name: string;
                accessPoint: string;
            };
            servers: components["schemas"]["ContractServer"][];
            serviceEndsAt: string | null;
            serverIds: string[];
            invoices: components["schemas"]["Invoice"][];
            commissioning: components["schemas"]["CommissioningOrder"][];
        };
        ContractDetailInput: {
            /** Format: uuid */
            id: string;
            /** @description RP-YYYY-NNNN, continuous per year */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            siteId: string;
            providerVersion: number;
            templateVersion: string;
            terms: components["schemas"]["ContractTermsInput"];
            termMonths: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            signingPlace: string;
            signingDate: string | null;
            status: components["schemas"]["ContractStatusInput"];
            securityLetterSigned: boolean;
            userUndertakingSigned: boolean;
            securityLetterSha256?: string | null;
            userUndertakingSha256?: string | null;
            /** @description 开通日: the day the first server was racked */
            activationDate: string | null;
            termStart: string | null;
            /** @description 期满日 */
            termEnd: string | null;
            compensationHours: number;
            nonRenewalNoticedAt: string | null;
            renewalCount: number;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
            site: {
                /** Format: uuid */
                id: string;
                name: string;
                accessPoint: string;
            };
            servers: components["schemas"]["ContractServerInput"][];
            serviceEndsAt: string | null;
            serverIds: string[];
            invoices: components["schemas"]["InvoiceInput"][];
            commissioning: components["schemas"]["CommissioningOrderInput"][];
        };
        ContractDocumentVersion: {
            kind: components["schemas"]["ContractCopyKind"];
            part: string;
            /** @enum {string} */
            format: "pdf" | "docx" | "html";
            sha256: string | null;
            fingerprint: string;
            sizeBytes: number | null;
            createdAt: string;
            url: string;
        };
        ContractDocumentVersionInput: {
            kind: components["schemas"]["ContractCopyKindInput"];
            part: string;
            /** @enum {string} */
            format: "pdf" | "docx" | "html";
            sha256: string | null;
            fingerprint: string;
            sizeBytes: number | null;
            createdAt: string;
            url: string;
        };
        ContractDocumentVersions: {
            status: components["schemas"]["ContractStatus"];
            draftDownloadable: boolean;
            items: components["schemas"]["ContractDocumentVersion"][];
            signedScans: {
                part: string;
                sha256: string;
            }[];
        };
        ContractDocumentVersionsInput: {
            status: components["schemas"]["ContractStatusInput"];
            draftDownloadable: boolean;
            items: components["schemas"]["ContractDocumentVersionInput"][];
            signedScans: {
                part: string;
                sha256: string;
            }[];
        };
        ContractInput: {
            /** Format: uuid */
            id: string;
            /** @description RP-YYYY-NNNN, continuous per year */
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** Format: uuid */
            siteId: string;
            providerVersion: number;
            templateVersion: string;
            terms: components["schemas"]["ContractTermsInput"];
            termMonths: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            signingPlace: string;
            signingDate: string | null;
            status: components["schemas"]["ContractStatusInput"];
            securityLetterSigned: boolean;
            userUndertakingSigned: boolean;
            securityLetterSha256?: string | null;
            userUndertakingSha256?: string | null;
            /** @description 开通日: the day the first server was racked */
            activationDate: string | null;
            termStart: string | null;
            /** @description 期满日 */
            termEnd: string | null;
            compensationHours: number;
            nonRenewalNoticedAt: string | null;
            renewalCount: number;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
        };
        ContractLedger: {
            /** Format: uuid */
            contractId: string;
            contractNumber: string;
            compensationHours: number;
            termEnd: string | null;
            serviceEndsAt: string | null;
            lines: components["schemas"]["CompensationLine"][];
        };
        ContractLedgerInput: {
            /** Format: uuid */
            contractId: string;
            contractNumber: string;
            compensationHours: number;
            termEnd: string | null;
            serviceEndsAt: string | null;
            lines: components["schemas"]["CompensationLineInput"][];
        };
        ContractServer: {
            /** Format: uuid */
            id: string;
            brand: string;
            model: string;
            serialNumber: string;
            heightU: number;
            status: string;
            inspected: boolean;
            placement: {
                /** Format: uuid */
                cabinetId: string;
                cabinetCode: string;
                roomName: string;
                siteName: string;
                lowest: number;
                highest: number;
            } | null;
            ports: number;
            addresses: string[];
        };
        ContractServerInput: {
            /** Format: uuid */
            id: string;
            brand: string;
            model: string;
            serialNumber: string;
            heightU: number;
            status: string;
            inspected: boolean;
            placement: {
                /** Format: uuid */
                cabinetId: string;
                cabinetCode: string;
                roomName: string;
                siteName: string;
                lowest: number;
                highest: number;
            } | null;
            ports: number;
            addresses: string[];
        };
        /** @enum {string} */
        ContractStatus: "draft" | "sent" | "signed" | "active" | "ended" | "terminated_for_cause" | "terminated_by_agreement";
        /** @enum {string} */
        ContractStatusInput: "draft" | "sent" | "signed" | "active" | "ended" | "terminated_for_cause" | "terminated_by_agreement";
        ContractTemplate: {
            version: string;
            sequence: number;
            blocks: components["schemas"]["ContractTemplateBlock"][];
            source: string | null;
            note: string | null;
            warnings: {
                path: string;
                /** @constant */
                code: "REPEALED_LAW";
                cited: string;
                repealedOn: string;
                replacedBy: string;
            }[];
            createdBy: string | null;
            createdAt: (string) | null;
        };
        ContractTemplateBlock: {
            /** @enum {string} */
            kind: "title" | "subtitle" | "heading" | "para" | "party" | "sign" | "attachment" | "attachmentTitle";
            text: string;
        };
        ContractTemplateBlockInput: {
            /** @enum {string} */
            kind: "title" | "subtitle" | "heading" | "para" | "party" | "sign" | "attachment" | "attachmentTitle";
            text: string;
        };
        ContractTemplateInput: {
            version: string;
            sequence: number;
            blocks: components["schemas"]["ContractTemplateBlockInput"][];
            source: string | null;
            note: string | null;
            warnings: {
                path: string;
                /** @constant */
                code: "REPEALED_LAW";
                cited: string;
                repealedOn: string;
                replacedBy: string;
            }[];
            createdBy: string | null;
            createdAt: string | null;
        };
        ContractTerms: {
            termMonths?: number;
            paymentDueCalendarDays?: number;
            commissioningWorkingDays?: number;
            compensationFactor?: number;
            compensationUnitHours?: number;
            mergeTouching?: boolean;
            plannedWorkNoticeHours?: number;
            lineFaultRepairHours?: number;
        };
        ContractTermsInput: {
            termMonths?: number;
            paymentDueCalendarDays?: number;
            commissioningWorkingDays?: number;
            compensationFactor?: number;
            compensationUnitHours?: number;
            mergeTouching?: boolean;
            plannedWorkNoticeHours?: number;
            lineFaultRepairHours?: number;
        };
        CreatedSwitch: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            cabinetId: string | null;
            name: string;
            model: string;
            uplinkMbps: number;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
            ports: components["schemas"]["SwitchPort"][];
        };
        CreatedSwitchInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            cabinetId: string | null;
            name: string;
            model: string;
            uplinkMbps: number;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
            ports: components["schemas"]["SwitchPortInput"][];
        };
        Customer: {
            /** Format: uuid */
            id: string;
            name: string;
            nameInitials: string;
            uscc: string | null;
            status: components["schemas"]["CustomerStatus"];
            registeredAddress: string | null;
            postalAddress: string | null;
            noticeEmail: string | null;
            noticeFax: string | null;
            legalRepresentative: string | null;
            contactPhone: string | null;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        /** @enum {string} */
        CustomerActivationGap: "legalRepresentative24h" | "technicalLead24h" | "kycBusinessLicence" | "kycLegalRepresentativeId";
        /** @enum {string} */
        CustomerActivationGapInput: "legalRepresentative24h" | "technicalLead24h" | "kycBusinessLicence" | "kycLegalRepresentativeId";
        /** @description Whether a server of this customer may be activated: 24-hour contacts and verified KYC (5.10) */
        CustomerActivationReadiness: {
            ready: boolean;
            missing: components["schemas"]["CustomerActivationGap"][];
            /** @description people on the customer's side of the roster now (5.10) */
            rosterMembers: number;
        };
        /** @description Whether a server of this customer may be activated: 24-hour contacts and verified KYC (5.10) */
        CustomerActivationReadinessInput: {
            ready: boolean;
            missing: components["schemas"]["CustomerActivationGapInput"][];
            /** @description people on the customer's side of the roster now (5.10) */
            rosterMembers: number;
        };
        CustomerApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            scopes: components["schemas"]["ApiTokenScope"][];
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            userId: string;
            createdAt: (string) | null;
            expiresAt: (string) | null;
            lastUsedAt: (string) | null;
            revokedAt: (string) | null;
            customerId: string | null;
            lastUsedIp: string | null;
        };
        CustomerApiTokenCreated: {
            /** @description the secret, returned this once */
            token: string;
            item: components["schemas"]["CustomerApiToken"];
        };
        CustomerApiTokenCreatedInput: {
            /** @description the secret, returned this once */
            token: string;
            item: components["schemas"]["CustomerApiTokenInput"];
        };
        CustomerApiTokenInput: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            scopes: components["schemas"]["ApiTokenScopeInput"][];
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            userId: string;
            createdAt: string | null;
            expiresAt: string | null;
            lastUsedAt: string | null;
            revokedAt: string | null;
            customerId: string | null;
            lastUsedIp: string | null;
        };
        CustomerApiTokenList: {
            items: components["schemas"]["CustomerApiToken"][];
        };
        CustomerApiTokenListInput: {
            items: components["schemas"]["CustomerApiTokenInput"][];
        };
        CustomerBandwidth: {
            /** Format: uuid */
            customerId: string;
            ports: number;
            portMbps: number;
            uplinkMbps: number;
        };
        CustomerBandwidthInput: {
            /** Format: uuid */
            customerId: string;
            ports: number;
            portMbps: number;
            uplinkMbps: number;
        };
        CustomerChangeRequest: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** @description the contact fields to change and their new values (null: clear) */
            proposed: {
                [key: string]: string | null;
            };
            status: components["schemas"]["CustomerChangeRequestStatus"];
            /** Format: uuid */
            requestedBy: string;
            requestedAt: (string) | null;
            decidedBy: string | null;
            decidedAt: (string) | null;
            decisionNote: string | null;
        };
        CustomerChangeRequestInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            /** @description the contact fields to change and their new values (null: clear) */
            proposed: {
                [key: string]: string | null;
            };
            status: components["schemas"]["CustomerChangeRequestStatusInput"];
            /** Format: uuid */
            requestedBy: string;
            requestedAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
            decisionNote: string | null;
        };
        CustomerChangeRequestList: {
            items: components["schemas"]["CustomerChangeRequest"][];
        };
        CustomerChangeRequestListInput: {
            items: components["schemas"]["CustomerChangeRequestInput"][];
        };
        /** @enum {string} */
        CustomerChangeRequestStatus: "pending" | "approved" | "rejected";
        /** @enum {string} */
        CustomerChangeRequestStatusInput: "pending" | "approved" | "rejected";
        CustomerCredit: {
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            balanceFen: number;
            entries: {
                /** Format: uuid */
                id: string;
                /** @description positive: kept from a payment; negative: applied to an invoice */
                amountFen: number;
                paymentId: string | null;
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                createdAt: (string) | null;
            }[];
        };
        CustomerCreditInput: {
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            balanceFen: number;
            entries: {
                /** Format: uuid */
                id: string;
                /** @description positive: kept from a payment; negative: applied to an invoice */
                amountFen: number;
                paymentId: string | null;
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                createdAt: string | null;
            }[];
        };
        CustomerInput: {
            /** Format: uuid */
            id: string;
            name: string;
            nameInitials: string;
            uscc: string | null;
            status: components["schemas"]["CustomerStatusInput"];
            registeredAddress: string | null;
            postalAddress: string | null;
            noticeEmail: string | null;
            noticeFax: string | null;
            legalRepresentative: string | null;
            contactPhone: string | null;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
        };
        CustomerOutboxItem: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            payload: unknown;
            createdAt: (string) | null;
            drainedAt: (string) | null;
        };
        CustomerOutboxItemInput: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            payload: unknown;
            createdAt: string | null;
            drainedAt: string | null;
        };
        CustomerOutboxList: {
            items: components["schemas"]["CustomerOutboxItem"][];
        };
        CustomerOutboxListInput: {
            items: components["schemas"]["CustomerOutboxItemInput"][];
        };
        CustomerPage: {
            items: components["schemas"]["Customer"][];
            total: number;
        };
        CustomerPageInput: {
            items: components["schemas"]["CustomerInput"][];
            total: number;
        };
        /** @enum {string} */
        CustomerRole: "owner" | "technical" | "billing";
        /** @enum {string} */
        CustomerRoleInput: "owner" | "technical" | "billing";
        CustomerStatement: {
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            openingBalanceFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            invoicedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            receivedFen: number;
            closingBalanceFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            openingCreditFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            closingCreditFen: number;
            lines: {
                /** Format: date */
                on: string;
                /** @enum {string} */
                kind: "invoice" | "payment";
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                contractNumber: string | null;
                bankReference: string | null;
                /** @description amount in fen (分): 100 = ¥1.00 */
                debitFen: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                creditFen: number;
                balanceFen: number;
            }[];
            credit: {
                /** Format: date */
                on: string;
                amountFen: number;
                invoiceNumber: string;
            }[];
        };
        CustomerStatementInput: {
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            openingBalanceFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            invoicedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            receivedFen: number;
            closingBalanceFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            openingCreditFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            closingCreditFen: number;
            lines: {
                /** Format: date */
                on: string;
                /** @enum {string} */
                kind: "invoice" | "payment";
                /** Format: uuid */
                invoiceId: string;
                invoiceNumber: string;
                contractNumber: string | null;
                bankReference: string | null;
                /** @description amount in fen (分): 100 = ¥1.00 */
                debitFen: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                creditFen: number;
                balanceFen: number;
            }[];
            credit: {
                /** Format: date */
                on: string;
                amountFen: number;
                invoiceNumber: string;
            }[];
        };
        /** @enum {string} */
        CustomerStatus: "prospect" | "active" | "suspended" | "former";
        /** @enum {string} */
        CustomerStatusInput: "prospect" | "active" | "suspended" | "former";
        CustomerStatusPage: {
            current: components["schemas"]["Incident"][];
            recent: components["schemas"]["Incident"][];
            maintenance: components["schemas"]["MaintenanceWindow"][];
            ledger: components["schemas"]["CompensationLine"][];
        };
        CustomerStatusPageInput: {
            current: components["schemas"]["IncidentInput"][];
            recent: components["schemas"]["IncidentInput"][];
            maintenance: components["schemas"]["MaintenanceWindowInput"][];
            ledger: components["schemas"]["CompensationLineInput"][];
        };
        /** @enum {string} */
        DashboardRole: "admin" | "sales" | "noc" | "compliance" | "finance";
        /** @enum {string} */
        DashboardRoleInput: "admin" | "sales" | "noc" | "compliance" | "finance";
        DeclaredService: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            /** @enum {string} */
            kind: "www" | "email" | "ftp" | "telnet" | "database";
            description: string;
            hasAgreement: boolean;
            agreementFileName: string | null;
            agreementUploadedAt: (string) | null;
            declaredAt: (string) | null;
            withdrawnAt: (string) | null;
            /** @description the standing violation's reason code (SERVICE_AGREEMENT_MISSING: a non-www service without its agreement), or null */
            violation: string | null;
        };
        DeclaredServiceInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            /** @enum {string} */
            kind: "www" | "email" | "ftp" | "telnet" | "database";
            description: string;
            hasAgreement: boolean;
            agreementFileName: string | null;
            agreementUploadedAt: string | null;
            declaredAt: string | null;
            withdrawnAt: string | null;
            /** @description the standing violation's reason code (SERVICE_AGREEMENT_MISSING: a non-www service without its agreement), or null */
            violation: string | null;
        };
        /** @enum {string} */
        DeskArea: "kyc" | "contracts" | "commissioning" | "billing" | "compliance" | "tickets" | "incidents" | "maintenance" | "calendar" | "access";
        /** @enum {string} */
        DeskAreaInput: "kyc" | "contracts" | "commissioning" | "billing" | "compliance" | "tickets" | "incidents" | "maintenance" | "calendar" | "access";
        DeskChart: {
            key: string;
            /** @enum {string} */
            kind: "line" | "column" | "bar" | "pie";
            unit: components["schemas"]["DeskUnit"];
            points: {
                label: string;
                series: string;
                value: number;
            }[];
        };
        DeskChartInput: {
            key: string;
            /** @enum {string} */
            kind: "line" | "column" | "bar" | "pie";
            unit: components["schemas"]["DeskUnitInput"];
            points: {
                label: string;
                series: string;
                value: number;
            }[];
        };
        DeskDashboard: {
            role: components["schemas"]["DashboardRole"];
            asOf: (string) | null;
            figures: components["schemas"]["DeskFigure"][];
            charts: components["schemas"]["DeskChart"][];
        };
        DeskDashboardInput: {
            role: components["schemas"]["DashboardRoleInput"];
            asOf: string | null;
            figures: components["schemas"]["DeskFigureInput"][];
            charts: components["schemas"]["DeskChartInput"][];
        };
        DeskDigestPreference: {
            optedOut: boolean;
        };
        DeskDigestPreferenceInput: {
            optedOut: boolean;
        };
        /** @description A dashboard number counted by the database, with the filtered list behind it (link) */
        DeskFigure: {
            key: string;
            value: number;
            unit: components["schemas"]["DeskUnit"];
            link: string;
        };
        /** @description A dashboard number counted by the database, with the filtered list behind it (link) */
        DeskFigureInput: {
            key: string;
            value: number;
            unit: components["schemas"]["DeskUnitInput"];
            link: string;
        };
        /** @description One to-do item (待办): what is due, by when (dueAt, null = no deadline), for whom, under which clause */
        DeskItem: {
            kind: string;
            area: components["schemas"]["DeskArea"];
            subjectId: string;
            titleKey: string;
            params: {
                [key: string]: string | number;
            };
            dueAt: (string) | null;
            clause: string | null;
            customerId: string | null;
            customerName: string | null;
            link: string;
            roles: ("admin" | "sales" | "noc" | "compliance" | "finance" | "auditor")[];
            forCustomer: boolean;
        };
        /** @description One to-do item (待办): what is due, by when (dueAt, null = no deadline), for whom, under which clause */
        DeskItemInput: {
            kind: string;
            area: components["schemas"]["DeskAreaInput"];
            subjectId: string;
            titleKey: string;
            params: {
                [key: string]: string | number;
            };
            dueAt: string | null;
            clause: string | null;
            customerId: string | null;
            customerName: string | null;
            link: string;
            roles: ("admin" | "sales" | "noc" | "compliance" | "finance" | "auditor")[];
            forCustomer: boolean;
        };
        DeskTodo: {
            items: components["schemas"]["DeskItem"][];
        };
        DeskTodoInput: {
            items: components["schemas"]["DeskItemInput"][];
        };
        /** @enum {string} */
        DeskUnit: "count" | "fen" | "hours" | "percent";
        /** @enum {string} */
        DeskUnitInput: "count" | "fen" | "hours" | "percent";
        DisputeTicket: {
            /** Format: uuid */
            id: string;
            number: string;
        } & {
            [key: string]: unknown;
        };
        DisputeTicketInput: {
            /** Format: uuid */
            id: string;
            number: string;
        } & {
            [key: string]: unknown;
        };
        DnsPtrRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            allocationId: string;
            /** Format: uuid */
            customerId: string;
            origin: string;
            name: string;
            hostname: string;
            ttl: number | null;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        DnsPtrRecordInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            allocationId: string;
            /** Format: uuid */
            customerId: string;
            origin: string;
            name: string;
            hostname: string;
            ttl: number | null;
            createdAt: string | null;
            updatedAt: string | null;
        };
        DnsRecord: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            zoneId: string;
            /** Format: uuid */
            customerId: string;
            name: string;
            /** @enum {string} */
            type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
            value: string;
            ttl: number | null;
            priority: number | null;
            createdAt: (string) | null;
        };
        DnsRecordInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            zoneId: string;
            /** Format: uuid */
            customerId: string;
            name: string;
            /** @enum {string} */
            type: "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS";
            value: string;
            ttl: number | null;
            priority: number | null;
            createdAt: string | null;
        };
        DnsReverseZone: {
            origin: string;
            pools: string[];
            serial: number;
            records: number;
        };
        DnsReverseZoneInput: {
            origin: string;
            pools: string[];
            serial: number;
            records: number;
        };
        DnsZone: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            domain: string;
            serial: number;
            defaultTtl: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        DnsZoneInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            domain: string;
            serial: number;
            defaultTtl: number;
            createdAt: string | null;
            updatedAt: string | null;
        };
        DnsZoneWithRecords: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            domain: string;
            serial: number;
            defaultTtl: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
            records: components["schemas"]["DnsRecord"][];
        };
        DnsZoneWithRecordsInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            domain: string;
            serial: number;
            defaultTtl: number;
            createdAt: string | null;
            updatedAt: string | null;
            records: components["schemas"]["DnsRecordInput"][];
        };
        DunningAction: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "reminder" | "suspension_proposal";
            step: number;
            /** Format: date */
            dueOn: string;
            noticeId: string | null;
            decision: components["schemas"]["DunningDecision"] | null;
            decidedBy: string | null;
            decidedAt: (string) | null;
            createdAt: (string) | null;
        };
        DunningActionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "reminder" | "suspension_proposal";
            step: number;
            /** Format: date */
            dueOn: string;
            noticeId: string | null;
            decision: components["schemas"]["DunningDecisionInput"] | null;
            decidedBy: string | null;
            decidedAt: string | null;
            createdAt: string | null;
        };
        /** @enum {string} */
        DunningDecision: "proposed" | "confirmed" | "dismissed";
        /** @enum {string} */
        DunningDecisionInput: "proposed" | "confirmed" | "dismissed";
        DunningPolicy: {
            reminderDays: number[];
            suspensionProposalDays: number;
            updatedAt: (string) | null;
        };
        DunningPolicyInput: {
            reminderDays: number[];
            suspensionProposalDays: number;
            updatedAt: string | null;
        };
        Elevation: {
            cabinet: components["schemas"]["Cabinet"];
            siteName: string;
            slots: components["schemas"]["ElevationSlot"][];
            usedU: number;
            powerW: number;
        };
        ElevationInput: {
            cabinet: components["schemas"]["CabinetInput"];
            siteName: string;
            slots: components["schemas"]["ElevationSlotInput"][];
            usedU: number;
            powerW: number;
        };
        ElevationSlot: {
            /** @enum {string} */
            face: "front" | "rear";
            lowest: number;
            highest: number;
            serverId: string | null;
            customerName: string | null;
            brand: string | null;
            model: string | null;
            serialNumber: string | null;
            name: string | null;
            powerW: number | null;
            own: boolean;
        };
        ElevationSlotInput: {
            /** @enum {string} */
            face: "front" | "rear";
            lowest: number;
            highest: number;
            serverId: string | null;
            customerName: string | null;
            brand: string | null;
            model: string | null;
            serialNumber: string | null;
            name: string | null;
            powerW: number | null;
            own: boolean;
        };
        EquipmentMovement: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            serverId: string;
            server: {
                serialNumber: string;
                brand: string;
                model: string;
            } | null;
            /** @enum {string} */
            direction: "in" | "out";
            /** @enum {string} */
            status: "released" | "completed";
            visitId: string | null;
            inspectionId: string | null;
            authorisedMemberId: string | null;
            authorisedName: string | null;
            authorisedRole: string | null;
            note: string | null;
            holds: components["schemas"]["ReleaseHold"][];
            overrideReason: string | null;
            createdAt: (string) | null;
            completedAt: (string) | null;
        };
        EquipmentMovementInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            serverId: string;
            server: {
                serialNumber: string;
                brand: string;
                model: string;
            } | null;
            /** @enum {string} */
            direction: "in" | "out";
            /** @enum {string} */
            status: "released" | "completed";
            visitId: string | null;
            inspectionId: string | null;
            authorisedMemberId: string | null;
            authorisedName: string | null;
            authorisedRole: string | null;
            note: string | null;
            holds: components["schemas"]["ReleaseHoldInput"][];
            overrideReason: string | null;
            createdAt: string | null;
            completedAt: string | null;
        };
        EquipmentMovementList: {
            items: components["schemas"]["EquipmentMovement"][];
        };
        EquipmentMovementListInput: {
            items: components["schemas"]["EquipmentMovementInput"][];
        };
        Error: {
            error: {
                code: string;
                message: string;
                fields: {
                    path: string;
                    message: string;
                }[];
            };
        };
        ErrorInput: {
            error: {
                code: string;
                message: string;
                fields: {
                    path: string;
                    message: string;
                }[];
            };
        };
        ExpiringContract: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** @constant */
            status: "active";
            termStart: string | null;
            termEnd: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            daysLeft: number;
            bucket: number | null;
            renews: boolean;
        };
        ExpiringContractInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** @constant */
            status: "active";
            termStart: string | null;
            termEnd: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            annualFeeFen: number;
            daysLeft: number;
            bucket: number | null;
            renews: boolean;
        };
        /**
         * @description ordinary 增值税普通发票（普票）/ special 增值税专用发票（专票）
         * @enum {string}
         */
        FapiaoType: "ordinary" | "special";
        /**
         * @description ordinary 增值税普通发票（普票）/ special 增值税专用发票（专票）
         * @enum {string}
         */
        FapiaoTypeInput: "ordinary" | "special";
        FrontDesk: {
            date: string;
            visits: components["schemas"]["Visit"][];
        };
        FrontDeskInput: {
            date: string;
            visits: components["schemas"]["VisitInput"][];
        };
        GateApply: {
            /** Format: uuid */
            id: string;
            startedAt: (string) | null;
            finishedAt: (string) | null;
            /** @enum {string} */
            outcome: "applied" | "test_failed" | "reload_failed" | "write_failed";
            fingerprint: string;
            domainCount: number;
            output: string;
            triggeredBy: string;
        };
        GateApplyInput: {
            /** Format: uuid */
            id: string;
            startedAt: string | null;
            finishedAt: string | null;
            /** @enum {string} */
            outcome: "applied" | "test_failed" | "reload_failed" | "write_failed";
            fingerprint: string;
            domainCount: number;
            output: string;
            triggeredBy: string;
        };
        GateApplyResult: {
            /** @enum {string} */
            outcome: "applied" | "test_failed" | "reload_failed" | "write_failed" | "unchanged";
            fingerprint: string;
            domainCount: number;
            output?: string;
        };
        GateApplyResultInput: {
            /** @enum {string} */
            outcome: "applied" | "test_failed" | "reload_failed" | "write_failed" | "unchanged";
            fingerprint: string;
            domainCount: number;
            output?: string;
        };
        GatePreview: {
            conf: string;
            map: string;
            blockedPage: string;
        };
        GatePreviewInput: {
            conf: string;
            map: string;
            blockedPage: string;
        };
        GateStatus: {
            dir: string;
            httpListen: string;
            httpsListen: string;
            domainCount: number;
            fingerprint: string;
            inForce: components["schemas"]["GateApply"] | null;
            lastAttempt: components["schemas"]["GateApply"] | null;
            /** @description the verified state differs from what nginx runs: an apply is due (or failed) */
            pending: boolean;
            recent: components["schemas"]["GateApply"][];
        };
        GateStatusInput: {
            dir: string;
            httpListen: string;
            httpsListen: string;
            domainCount: number;
            fingerprint: string;
            inForce: components["schemas"]["GateApplyInput"] | null;
            lastAttempt: components["schemas"]["GateApplyInput"] | null;
            /** @description the verified state differs from what nginx runs: an apply is due (or failed) */
            pending: boolean;
            recent: components["schemas"]["GateApplyInput"][];
        };
        Incident: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: (string) | null;
            startedAt: (string) | null;
            resolvedAt: (string) | null;
            lineFaultBreachedAt: (string) | null;
            maintenanceId: string | null;
            noticeGivenAt: (string) | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClock"];
        };
        IncidentDashboard: {
            open: components["schemas"]["Incident"][];
            nearBreach: number;
            breached: number;
        };
        IncidentDashboardInput: {
            open: components["schemas"]["IncidentInput"][];
            nearBreach: number;
            breached: number;
        };
        IncidentDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: (string) | null;
            startedAt: (string) | null;
            resolvedAt: (string) | null;
            lineFaultBreachedAt: (string) | null;
            maintenanceId: string | null;
            noticeGivenAt: (string) | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClock"];
            scope: components["schemas"]["IncidentScopeEntry"][];
            updates: components["schemas"]["IncidentUpdate"][];
            interruptions: components["schemas"]["Interruption"][];
        };
        IncidentDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: string | null;
            startedAt: string | null;
            resolvedAt: string | null;
            lineFaultBreachedAt: string | null;
            maintenanceId: string | null;
            noticeGivenAt: string | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClockInput"];
            scope: components["schemas"]["IncidentScopeEntryInput"][];
            updates: components["schemas"]["IncidentUpdateInput"][];
            interruptions: components["schemas"]["InterruptionInput"][];
        };
        IncidentInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: string | null;
            startedAt: string | null;
            resolvedAt: string | null;
            lineFaultBreachedAt: string | null;
            maintenanceId: string | null;
            noticeGivenAt: string | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClockInput"];
        };
        IncidentScopeEntry: {
            /** @enum {string} */
            kind: "site" | "room" | "cabinet" | "switch" | "port" | "server" | "ip";
            target: string;
        };
        IncidentScopeEntryInput: {
            /** @enum {string} */
            kind: "site" | "room" | "cabinet" | "switch" | "port" | "server" | "ip";
            target: string;
        };
        IncidentUpdate: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "opened" | "note" | "reclassified" | "resolved" | "reopened" | "alert" | "suspended" | "restored" | "line_fault_breach" | "edited";
            body: string;
            authorId: string | null;
            createdAt: (string) | null;
        };
        IncidentUpdateInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "opened" | "note" | "reclassified" | "resolved" | "reopened" | "alert" | "suspended" | "restored" | "line_fault_breach" | "edited";
            body: string;
            authorId: string | null;
            createdAt: string | null;
        };
        Inspection: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            authority: string;
            documentNumber: string;
            documentFileName: string;
            /** @enum {string} */
            documentContentType: "application/pdf" | "image/jpeg" | "image/png";
            inspectedAt: (string) | null;
            scope: string;
            staffPresent: string;
            withheld: boolean;
            withheldReason: string | null;
            createdAt: (string) | null;
        };
        InspectionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            authority: string;
            documentNumber: string;
            documentFileName: string;
            /** @enum {string} */
            documentContentType: "application/pdf" | "image/jpeg" | "image/png";
            inspectedAt: string | null;
            scope: string;
            staffPresent: string;
            withheld: boolean;
            withheldReason: string | null;
            createdAt: string | null;
        };
        InspectionItemResult: {
            /** @enum {string} */
            item: "powerSupplies" | "rails" | "interfaces" | "labelling";
            ok: boolean;
            note: string | null;
            photos: components["schemas"]["InspectionPhoto"][];
        };
        InspectionItemResultInput: {
            /** @enum {string} */
            item: "powerSupplies" | "rails" | "interfaces" | "labelling";
            ok: boolean;
            note: string | null;
            photos: components["schemas"]["InspectionPhotoInput"][];
        };
        InspectionPhoto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            item: "powerSupplies" | "rails" | "interfaces" | "labelling";
            fileName: string;
            contentType: string;
            sizeBytes: number;
            createdAt: (string) | null;
        };
        InspectionPhotoInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            item: "powerSupplies" | "rails" | "interfaces" | "labelling";
            fileName: string;
            contentType: string;
            sizeBytes: number;
            createdAt: string | null;
        };
        Interruption: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            incidentId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            contractId: string | null;
            startedAt: (string) | null;
            endedAt: (string) | null;
            consentAt: (string) | null;
        };
        InterruptionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            incidentId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            contractId: string | null;
            startedAt: string | null;
            endedAt: string | null;
            consentAt: string | null;
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            email: string;
            displayName: string;
            roles: components["schemas"]["CustomerRole"][];
            locale: components["schemas"]["Locale"];
            /** Format: uuid */
            invitedBy: string;
            createdAt: (string) | null;
            expiresAt: (string) | null;
            acceptedAt: (string) | null;
            acceptedUserId: string | null;
            revokedAt: (string) | null;
            /** @enum {string} */
            status: "open" | "accepted" | "revoked" | "expired";
        };
        InvitationInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            email: string;
            displayName: string;
            roles: components["schemas"]["CustomerRoleInput"][];
            locale: components["schemas"]["LocaleInput"];
            /** Format: uuid */
            invitedBy: string;
            createdAt: string | null;
            expiresAt: string | null;
            acceptedAt: string | null;
            acceptedUserId: string | null;
            revokedAt: string | null;
            /** @enum {string} */
            status: "open" | "accepted" | "revoked" | "expired";
        };
        InvitationPreview: {
            customerName: string;
            email: string;
            displayName: string;
            roles: components["schemas"]["CustomerRole"][];
            expiresAt: (string) | null;
            locale: components["schemas"]["Locale"];
        };
        InvitationPreviewInput: {
            customerName: string;
            email: string;
            displayName: string;
            roles: components["schemas"]["CustomerRoleInput"][];
            expiresAt: string | null;
            locale: components["schemas"]["LocaleInput"];
        };
        Invoice: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatus"];
            createdAt: (string) | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoType"] | null;
            fapiaoRequestedAt: (string) | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
        };
        InvoiceDetail: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatus"];
            createdAt: (string) | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoType"] | null;
            fapiaoRequestedAt: (string) | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            outstandingFen: number;
            payments: components["schemas"]["BillingPayment"][];
            dunning: components["schemas"]["DunningAction"][];
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditBalanceFen: number;
        };
        InvoiceDetailInput: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatusInput"];
            createdAt: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoTypeInput"] | null;
            fapiaoRequestedAt: string | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            outstandingFen: number;
            payments: components["schemas"]["BillingPaymentInput"][];
            dunning: components["schemas"]["DunningActionInput"][];
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditBalanceFen: number;
        };
        InvoiceInput: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatusInput"];
            createdAt: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoTypeInput"] | null;
            fapiaoRequestedAt: string | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
        };
        /** @enum {string} */
        InvoiceStatus: "unpaid" | "partially_paid" | "paid" | "overdue" | "void";
        /** @enum {string} */
        InvoiceStatusInput: "unpaid" | "partially_paid" | "paid" | "overdue" | "void";
        IpAllocation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            poolId: string;
            address: string;
            serverId: string | null;
            /** Format: uuid */
            customerId: string;
            allocatedAt: (string) | null;
            releasedAt: (string) | null;
            heldUntil: (string) | null;
            poolName?: string;
            gateway?: string | null;
            prefix?: string;
            vlan?: number | null;
        };
        IpAllocationInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            poolId: string;
            address: string;
            serverId: string | null;
            /** Format: uuid */
            customerId: string;
            allocatedAt: string | null;
            releasedAt: string | null;
            heldUntil: string | null;
            poolName?: string;
            gateway?: string | null;
            prefix?: string;
            vlan?: number | null;
        };
        IpPool: {
            /** Format: uuid */
            id: string;
            name: string;
            siteId: string | null;
            prefix: string;
            gateway: string | null;
            vlan: number | null;
            quarantineDays: number;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
        };
        IpPoolInput: {
            /** Format: uuid */
            id: string;
            name: string;
            siteId: string | null;
            prefix: string;
            gateway: string | null;
            vlan: number | null;
            quarantineDays: number;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
        };
        IpPoolWithUsage: {
            /** Format: uuid */
            id: string;
            name: string;
            siteId: string | null;
            prefix: string;
            gateway: string | null;
            vlan: number | null;
            quarantineDays: number;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
            usage: {
                usable: string;
                allocated: number;
                quarantined: number;
                free: string;
            };
        };
        IpPoolWithUsageInput: {
            /** Format: uuid */
            id: string;
            name: string;
            siteId: string | null;
            prefix: string;
            gateway: string | null;
            vlan: number | null;
            quarantineDays: number;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
            usage: {
                usable: string;
                allocated: number;
                quarantined: number;
                free: string;
            };
        };
        IpReservedRange: {
            first: string;
            last: string;
            reason: string;
        };
        IpReservedRangeInput: {
            first: string;
            last: string;
            reason: string;
        };
        KycDocument: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            kind: components["schemas"]["KycKind"];
            holderName: string;
            idType: components["schemas"]["KycIdType"];
            idNumber: string;
            issuedOn: string | null;
            expiresOn: string | null;
            fileName: string;
            contentType: string;
            sizeBytes: number;
            status: components["schemas"]["KycStatus"];
            rejectReason: string | null;
            reviewedBy: string | null;
            reviewedAt: (string) | null;
            uploadedBy: string | null;
            createdAt: (string) | null;
            /** @description received on paper: who at the provider took it */
            receivedBy: string | null;
            /** @description received on paper: the day */
            receivedOn: string | null;
        };
        KycDocumentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            kind: components["schemas"]["KycKindInput"];
            holderName: string;
            idType: components["schemas"]["KycIdTypeInput"];
            idNumber: string;
            issuedOn: string | null;
            expiresOn: string | null;
            fileName: string;
            contentType: string;
            sizeBytes: number;
            status: components["schemas"]["KycStatusInput"];
            rejectReason: string | null;
            reviewedBy: string | null;
            reviewedAt: string | null;
            uploadedBy: string | null;
            createdAt: string | null;
            /** @description received on paper: who at the provider took it */
            receivedBy: string | null;
            /** @description received on paper: the day */
            receivedOn: string | null;
        };
        KycDocumentList: {
            items: components["schemas"]["KycDocument"][];
        };
        KycDocumentListInput: {
            items: components["schemas"]["KycDocumentInput"][];
        };
        /** @enum {string} */
        KycIdType: "uscc" | "resident_id" | "passport" | "hk_macau_permit" | "taiwan_permit";
        /** @enum {string} */
        KycIdTypeInput: "uscc" | "resident_id" | "passport" | "hk_macau_permit" | "taiwan_permit";
        /**
         * @description 营业执照, 法定代表人身份证件, 经办人身份证件 (5.10)
         * @enum {string}
         */
        KycKind: "business_licence" | "legal_representative_id" | "handler_id";
        /**
         * @description 营业执照, 法定代表人身份证件, 经办人身份证件 (5.10)
         * @enum {string}
         */
        KycKindInput: "business_licence" | "legal_representative_id" | "handler_id";
        /** @enum {string} */
        KycStatus: "pending" | "verified" | "rejected" | "superseded";
        /** @enum {string} */
        KycStatusInput: "pending" | "verified" | "rejected" | "superseded";
        LatestCompensationRecomputeRun: {
            run: components["schemas"]["CompensationRecomputeRun"] | null;
        };
        LatestCompensationRecomputeRunInput: {
            run: components["schemas"]["CompensationRecomputeRunInput"] | null;
        };
        LineFaultClock: {
            deadline: (string) | null;
            remainingMinutes: number;
            breached: boolean;
            overrunMinutes: number;
            nearBreach: boolean;
        } | null;
        LineFaultClockInput: {
            deadline: string | null;
            remainingMinutes: number;
            breached: boolean;
            overrunMinutes: number;
            nearBreach: boolean;
        } | null;
        /** @enum {string} */
        Locale: "zh-CN" | "en";
        /** @enum {string} */
        LocaleInput: "zh-CN" | "en";
        LogRetentionAttestation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            location: string;
            retentionMonths: number;
            /** Format: date */
            attestedOn: string;
            /** Format: date */
            validUntil: string;
            remindedAt: (string) | null;
            createdAt: (string) | null;
            /** @enum {string} */
            state?: "missing" | "expired" | "due_soon" | "valid";
            /** @description a paper attestation: its signed scan is on file */
            hasScan?: boolean;
            /** @description a paper attestation: who at the provider received it */
            receivedBy?: string | null;
            /** @description a paper attestation: the day it was received */
            receivedOn?: string | null;
        };
        LogRetentionAttestationInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            location: string;
            retentionMonths: number;
            /** Format: date */
            attestedOn: string;
            /** Format: date */
            validUntil: string;
            remindedAt: string | null;
            createdAt: string | null;
            /** @enum {string} */
            state?: "missing" | "expired" | "due_soon" | "valid";
            /** @description a paper attestation: its signed scan is on file */
            hasScan?: boolean;
            /** @description a paper attestation: who at the provider received it */
            receivedBy?: string | null;
            /** @description a paper attestation: the day it was received */
            receivedOn?: string | null;
        };
        LogRetentionReadiness: {
            ready: boolean;
            /** @enum {string} */
            state: "missing" | "expired" | "due_soon" | "valid";
            validUntil: string | null;
            gap: string | null;
        };
        LogRetentionReadinessInput: {
            ready: boolean;
            /** @enum {string} */
            state: "missing" | "expired" | "due_soon" | "valid";
            validUntil: string | null;
            gap: string | null;
        };
        LoginReply: {
            user: components["schemas"]["Me"] | null;
            secondFactor: {
                methods: ("totp" | "recovery" | "passkey")[];
            } | null;
        };
        LoginReplyInput: {
            user: components["schemas"]["MeInput"] | null;
            secondFactor: {
                methods: ("totp" | "recovery" | "passkey")[];
            } | null;
        };
        MaintenanceConsent: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            windowId: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** @enum {string} */
            decision: "not_required" | "pending" | "accepted" | "declined";
            decidedAt: (string) | null;
            decidedBy: string | null;
        };
        MaintenanceConsentDecision: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            windowId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            decision: "not_required" | "pending" | "accepted" | "declined";
            decidedAt: (string) | null;
            decidedBy: string | null;
        };
        MaintenanceConsentDecisionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            windowId: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            decision: "not_required" | "pending" | "accepted" | "declined";
            decidedAt: string | null;
            decidedBy: string | null;
        };
        MaintenanceConsentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            windowId: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** @enum {string} */
            decision: "not_required" | "pending" | "accepted" | "declined";
            decidedAt: string | null;
            decidedBy: string | null;
        };
        MaintenanceWindow: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: (string) | null;
            endsAt: (string) | null;
            noticedAt: (string) | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsent"][];
        };
        MaintenanceWindowDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: (string) | null;
            endsAt: (string) | null;
            noticedAt: (string) | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsent"][];
            scope: components["schemas"]["IncidentScopeEntry"][];
        };
        MaintenanceWindowDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: string | null;
            endsAt: string | null;
            noticedAt: string | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsentInput"][];
            scope: components["schemas"]["IncidentScopeEntryInput"][];
        };
        MaintenanceWindowInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: string | null;
            endsAt: string | null;
            noticedAt: string | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsentInput"][];
        };
        Me: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            kind: components["schemas"]["UserKind"];
            roles: components["schemas"]["UserRole"][];
            customerId: string | null;
            customerName: string | null;
            locale: components["schemas"]["Locale"];
            factors: ("totp" | "recovery" | "passkey")[];
            enrolmentRequired: boolean;
        };
        MeInput: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            kind: components["schemas"]["UserKindInput"];
            roles: components["schemas"]["UserRoleInput"][];
            customerId: string | null;
            customerName: string | null;
            locale: components["schemas"]["LocaleInput"];
            factors: ("totp" | "recovery" | "passkey")[];
            enrolmentRequired: boolean;
        };
        NetboxCounts: {
            create: number;
            unchanged: number;
            ignored: number;
            refused: number;
        };
        NetboxCountsInput: {
            create: number;
            unchanged: number;
            ignored: number;
            refused: number;
        };
        NetboxImportReport: {
            dryRun: boolean;
            counts: components["schemas"]["NetboxCounts"];
            files: {
                kind: components["schemas"]["NetboxKind"];
                file: string;
                counts: components["schemas"]["NetboxCounts"];
                rows: components["schemas"]["NetboxRowReport"][];
            }[];
            roles: components["schemas"]["NetboxRoleMapping"][];
            tenants: components["schemas"]["NetboxTenantMapping"][];
        };
        NetboxImportReportInput: {
            dryRun: boolean;
            counts: components["schemas"]["NetboxCountsInput"];
            files: {
                kind: components["schemas"]["NetboxKindInput"];
                file: string;
                counts: components["schemas"]["NetboxCountsInput"];
                rows: components["schemas"]["NetboxRowReportInput"][];
            }[];
            roles: components["schemas"]["NetboxRoleMappingInput"][];
            tenants: components["schemas"]["NetboxTenantMappingInput"][];
        };
        /** @enum {string} */
        NetboxKind: "sites" | "racks" | "prefixes" | "devices" | "interfaces" | "ipAddresses";
        /** @enum {string} */
        NetboxKindInput: "sites" | "racks" | "prefixes" | "devices" | "interfaces" | "ipAddresses";
        /** @enum {string} */
        NetboxRoleAction: "server" | "switch" | "ignore";
        /** @enum {string} */
        NetboxRoleActionInput: "server" | "switch" | "ignore";
        NetboxRoleMapping: {
            role: string;
            devices: number;
            action: components["schemas"]["NetboxRoleAction"];
        };
        NetboxRoleMappingInput: {
            role: string;
            devices: number;
            action: components["schemas"]["NetboxRoleActionInput"];
        };
        NetboxRowReport: {
            line: number;
            /** @enum {string} */
            status: "create" | "unchanged" | "ignored" | "refused";
            ref: string;
            note?: string;
            code?: string;
            reason?: string;
            fields?: {
                path: string;
                message: string;
            }[];
        };
        NetboxRowReportInput: {
            line: number;
            /** @enum {string} */
            status: "create" | "unchanged" | "ignored" | "refused";
            ref: string;
            note?: string;
            code?: string;
            reason?: string;
            fields?: {
                path: string;
                message: string;
            }[];
        };
        NetboxTenantMapping: {
            tenant: string;
            rows: number;
            customerId: string | null;
            customerName: string | null;
        };
        NetboxTenantMappingInput: {
            tenant: string;
            rows: number;
            customerId: string | null;
            customerName: string | null;
        };
        Notice: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            type: string;
            subjectZh: string;
            subjectEn: string;
            bodyZh: string;
            bodyEn: string;
            recipientName: string;
            relatedEntity: string | null;
            relatedId: string | null;
            createdAt: (string) | null;
            received: boolean;
            receivedHow: ("email" | "post" | "fax" | "in_person") | null;
            documentName: string | null;
            /** @description a scan of the document that carried it: GET /notices/:id/document */
            hasDocument: boolean;
            deliveries: components["schemas"]["NoticeDelivery"][];
        };
        NoticeDelivery: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            channel: "email" | "post" | "fax" | "portal";
            address: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed" | "cancelled";
            attempts: number;
            nextAttemptAt: (string) | null;
            lastError: string | null;
            proof: string | null;
            hasProofFile: boolean;
            sentAt: (string) | null;
        };
        NoticeDeliveryInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            channel: "email" | "post" | "fax" | "portal";
            address: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed" | "cancelled";
            attempts: number;
            nextAttemptAt: string | null;
            lastError: string | null;
            proof: string | null;
            hasProofFile: boolean;
            sentAt: string | null;
        };
        NoticeInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            type: string;
            subjectZh: string;
            subjectEn: string;
            bodyZh: string;
            bodyEn: string;
            recipientName: string;
            relatedEntity: string | null;
            relatedId: string | null;
            createdAt: string | null;
            received: boolean;
            receivedHow: ("email" | "post" | "fax" | "in_person") | null;
            documentName: string | null;
            /** @description a scan of the document that carried it: GET /notices/:id/document */
            hasDocument: boolean;
            deliveries: components["schemas"]["NoticeDeliveryInput"][];
        };
        NoticePreference: {
            /** Format: uuid */
            memberId: string;
            name: string;
            /** @enum {string} */
            role: "legal_representative" | "technical_lead" | "network_admin" | "device_admin" | "server_admin" | "contract_contact";
            email: string | null;
            available24h: boolean;
            categories: ("incident" | "maintenance" | "billing" | "contract" | "roster" | "tickets" | "general")[];
            locked: ("incident" | "maintenance" | "billing" | "contract" | "roster" | "tickets" | "general")[];
        };
        NoticePreferenceInput: {
            /** Format: uuid */
            memberId: string;
            name: string;
            /** @enum {string} */
            role: "legal_representative" | "technical_lead" | "network_admin" | "device_admin" | "server_admin" | "contract_contact";
            email: string | null;
            available24h: boolean;
            categories: ("incident" | "maintenance" | "billing" | "contract" | "roster" | "tickets" | "general")[];
            locked: ("incident" | "maintenance" | "billing" | "contract" | "roster" | "tickets" | "general")[];
        };
        /** @enum {string} */
        OnboardingActor: "customer" | "sales" | "compliance" | "noc" | "finance";
        /** @enum {string} */
        OnboardingActorInput: "customer" | "sales" | "compliance" | "noc" | "finance";
        /** @description The guided path from a new customer to a live, paid server (issue 18 §2), in order */
        OnboardingChecklist: {
            /** Format: uuid */
            customerId: string;
            contractId: string | null;
            steps: components["schemas"]["OnboardingStep"][];
        };
        /** @description The guided path from a new customer to a live, paid server (issue 18 §2), in order */
        OnboardingChecklistInput: {
            /** Format: uuid */
            customerId: string;
            contractId: string | null;
            steps: components["schemas"]["OnboardingStepInput"][];
        };
        OnboardingStep: {
            key: components["schemas"]["OnboardingStepKey"];
            /** @description done; todo (someone can act now); blocked (an earlier step must be done first) */
            state: components["schemas"]["OnboardingStepState"];
            /** @description who does it: the customer (portal) or a staff role */
            actors: components["schemas"]["OnboardingActor"][];
            missing: {
                code: string;
                /** @description what is missing, in the reader's language */
                text: string;
            }[];
            /** @description the page where the step is done (console or portal) */
            href: string;
        };
        OnboardingStepInput: {
            key: components["schemas"]["OnboardingStepKeyInput"];
            /** @description done; todo (someone can act now); blocked (an earlier step must be done first) */
            state: components["schemas"]["OnboardingStepStateInput"];
            /** @description who does it: the customer (portal) or a staff role */
            actors: components["schemas"]["OnboardingActorInput"][];
            missing: {
                code: string;
                /** @description what is missing, in the reader's language */
                text: string;
            }[];
            /** @description the page where the step is done (console or portal) */
            href: string;
        };
        /** @enum {string} */
        OnboardingStepKey: "roster" | "kyc" | "contacts24h" | "logRetention" | "server" | "contract" | "racked" | "network" | "domains" | "invoice";
        /** @enum {string} */
        OnboardingStepKeyInput: "roster" | "kyc" | "contacts24h" | "logRetention" | "server" | "contract" | "racked" | "network" | "domains" | "invoice";
        /** @enum {string} */
        OnboardingStepState: "done" | "todo" | "blocked";
        /** @enum {string} */
        OnboardingStepStateInput: "done" | "todo" | "blocked";
        OpenedIncident: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: (string) | null;
            startedAt: (string) | null;
            resolvedAt: (string) | null;
            lineFaultBreachedAt: (string) | null;
            maintenanceId: string | null;
            noticeGivenAt: (string) | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClock"];
            affectedServers: number;
        };
        OpenedIncidentInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: string | null;
            startedAt: string | null;
            resolvedAt: string | null;
            lineFaultBreachedAt: string | null;
            maintenanceId: string | null;
            noticeGivenAt: string | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClockInput"];
            affectedServers: number;
        };
        Passkey: {
            id: string;
            name: string;
            createdAt: (string) | null;
            lastUsedAt: (string) | null;
        };
        PasskeyInput: {
            id: string;
            name: string;
            createdAt: string | null;
            lastUsedAt: string | null;
        };
        PasskeyOptions: {
            [key: string]: unknown;
        };
        PasskeyOptionsInput: {
            [key: string]: unknown;
        };
        PerformedMaintenanceWindow: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: (string) | null;
            endsAt: (string) | null;
            noticedAt: (string) | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            consents?: components["schemas"]["MaintenanceConsent"][];
            /** Format: uuid */
            incidentId: string;
            withoutConsent: number;
        };
        PerformedMaintenanceWindowInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: string | null;
            endsAt: string | null;
            noticedAt: string | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            consents?: components["schemas"]["MaintenanceConsentInput"][];
            /** Format: uuid */
            incidentId: string;
            withoutConsent: number;
        };
        PortAssignment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            portId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            interfaceName: string;
            bandwidthMbps: number;
            shared: boolean;
            assignedAt: (string) | null;
            releasedAt: (string) | null;
            portName?: string;
            switchName?: string;
        };
        PortAssignmentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            portId: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            interfaceName: string;
            bandwidthMbps: number;
            shared: boolean;
            assignedAt: string | null;
            releasedAt: string | null;
            portName?: string;
            switchName?: string;
        };
        ProviderProfile: {
            legalName: string;
            uscc: string;
            address: string;
            domicileCourt: string;
            bankName: string;
            bankAccount: string;
            signingPlace: string;
            phone: string | null;
            noticeEmail: string | null;
            noticeFax: string | null;
            postalAddress: string;
            sealFile: string | null;
            legalRepresentative: string | null;
            contactPerson: string | null;
            version: number;
            createdBy: string | null;
            createdAt: (string) | null;
        };
        ProviderProfileInput: {
            legalName: string;
            uscc: string;
            address: string;
            domicileCourt: string;
            bankName: string;
            bankAccount: string;
            signingPlace: string;
            phone: string | null;
            noticeEmail: string | null;
            noticeFax: string | null;
            postalAddress: string;
            sealFile: string | null;
            legalRepresentative: string | null;
            contactPerson: string | null;
            version: number;
            createdBy: string | null;
            createdAt: string | null;
        };
        ProviderProfileList: {
            items: components["schemas"]["ProviderProfile"][];
        };
        ProviderProfileListInput: {
            items: components["schemas"]["ProviderProfileInput"][];
        };
        Receivables: {
            /** Format: date */
            asOf: string;
            items: {
                /** Format: uuid */
                invoiceId: string;
                number: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                /** Format: uuid */
                contractId: string;
                contractNumber: string;
                /** Format: date */
                issuedOn: string;
                /** Format: date */
                dueOn: string;
                status: components["schemas"]["InvoiceStatus"];
                /** @description amount in fen (分): 100 = ¥1.00 */
                amountFen: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                outstandingFen: number;
                daysPastDue: number;
                bucket: components["schemas"]["AgingBucket"];
            }[];
            buckets: {
                bucket: components["schemas"]["AgingBucket"];
                invoices: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                outstandingFen: number;
            }[];
            /** @description amount in fen (分): 100 = ¥1.00 */
            totalFen: number;
        };
        /** @enum {string} */
        ReceivablesBucketFilter: "not_due" | "d1_30" | "d31_60" | "d61_90" | "over_90" | "overdue";
        /** @enum {string} */
        ReceivablesBucketFilterInput: "not_due" | "d1_30" | "d31_60" | "d61_90" | "over_90" | "overdue";
        ReceivablesInput: {
            /** Format: date */
            asOf: string;
            items: {
                /** Format: uuid */
                invoiceId: string;
                number: string;
                /** Format: uuid */
                customerId: string;
                customerName: string;
                /** Format: uuid */
                contractId: string;
                contractNumber: string;
                /** Format: date */
                issuedOn: string;
                /** Format: date */
                dueOn: string;
                status: components["schemas"]["InvoiceStatusInput"];
                /** @description amount in fen (分): 100 = ¥1.00 */
                amountFen: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                outstandingFen: number;
                daysPastDue: number;
                bucket: components["schemas"]["AgingBucketInput"];
            }[];
            buckets: {
                bucket: components["schemas"]["AgingBucketInput"];
                invoices: number;
                /** @description amount in fen (分): 100 = ¥1.00 */
                outstandingFen: number;
            }[];
            /** @description amount in fen (分): 100 = ¥1.00 */
            totalFen: number;
        };
        ReceivedPayment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            appliedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditedFen: number;
            /** Format: date */
            receivedOn: string;
            bankReference: string | null;
            recordedBy: string | null;
            createdAt: (string) | null;
            invoiceNumber: string;
            customerName: string;
            recordedByName: string | null;
            imported: boolean;
        };
        ReceivedPaymentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invoiceId: string;
            /** Format: uuid */
            customerId: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            appliedFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditedFen: number;
            /** Format: date */
            receivedOn: string;
            bankReference: string | null;
            recordedBy: string | null;
            createdAt: string | null;
            invoiceNumber: string;
            customerName: string;
            recordedByName: string | null;
            imported: boolean;
        };
        RecordedPayment: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatus"];
            createdAt: (string) | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoType"] | null;
            fapiaoRequestedAt: (string) | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            outstandingFen: number;
            payment: components["schemas"]["BillingPayment"];
        };
        RecordedPaymentInput: {
            /** Format: uuid */
            id: string;
            /** @description INV-YYYY-NNNNNN, continuous per year across all contracts */
            number: string;
            /** Format: uuid */
            contractId: string;
            /** Format: uuid */
            customerId: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            /** @description amount in fen (分): 100 = ¥1.00 */
            amountFen: number;
            /** Format: date */
            issuedOn: string;
            /** Format: date */
            dueOn: string;
            paidOn: string | null;
            status: components["schemas"]["InvoiceStatusInput"];
            createdAt: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            paidFen: number;
            /** @description amount in fen (分): 100 = ¥1.00 */
            creditAppliedFen: number;
            overdueSince: string | null;
            fapiaoTitle: string | null;
            fapiaoTaxNumber: string | null;
            fapiaoType: components["schemas"]["FapiaoTypeInput"] | null;
            fapiaoRequestedAt: string | null;
            fapiaoNumber: string | null;
            fapiaoIssuedOn: string | null;
            dueOnProvisional: boolean;
            provisionalDueOn: string | null;
            /** @description amount in fen (分): 100 = ¥1.00 */
            outstandingFen: number;
            payment: components["schemas"]["BillingPaymentInput"];
        };
        RecoveryCodes: {
            /** @description shown this once */
            recoveryCodes: string[];
        };
        RecoveryCodesInput: {
            /** @description shown this once */
            recoveryCodes: string[];
        };
        RegulatorAcknowledgeBody: {
            resultCode: string;
        };
        RegulatorAcknowledgeBodyInput: {
            resultCode: string;
        };
        RegulatorChange: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            recordKey: string;
            /** @enum {string} */
            action: "add" | "update" | "delete";
            cause: string;
            customerId: string | null;
            detail: {
                [key: string]: unknown;
            };
            occurredAt: (string) | null;
            dueOn: string;
            /** @enum {string} */
            status: "pending" | "exported" | "acknowledged" | "rejected";
            exportId: string | null;
            resultCode: string | null;
            rejectReason: string | null;
            overdue: boolean;
        };
        RegulatorChangeInput: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            recordKey: string;
            /** @enum {string} */
            action: "add" | "update" | "delete";
            cause: string;
            customerId: string | null;
            detail: {
                [key: string]: unknown;
            };
            occurredAt: string | null;
            dueOn: string;
            /** @enum {string} */
            status: "pending" | "exported" | "acknowledged" | "rejected";
            exportId: string | null;
            resultCode: string | null;
            rejectReason: string | null;
            overdue: boolean;
        };
        RegulatorConverted: {
            finding: components["schemas"]["RegulatorFinding"];
            complaint: {
                /** Format: uuid */
                id: string;
                number: string;
                /** Format: uuid */
                customerId: string;
            };
        };
        RegulatorConvertedInput: {
            finding: components["schemas"]["RegulatorFindingInput"];
            complaint: {
                /** Format: uuid */
                id: string;
                number: string;
                /** Format: uuid */
                customerId: string;
            };
        };
        RegulatorDismissBody: {
            note: string;
        };
        RegulatorDismissBodyInput: {
            note: string;
        };
        RegulatorExport: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** @enum {string} */
            mode: "full" | "incremental";
            since: (string) | null;
            afterSeq: number;
            throughSeq: number;
            fileName: string;
            sha256: string;
            sizeBytes: number;
            recordCounts: {
                [key: string]: number;
            };
            changeCount: number;
            /** @enum {string} */
            status: "exported" | "acknowledged" | "rejected";
            resultCode: string | null;
            rejectReason: string | null;
            createdBy: string;
            createdAt: (string) | null;
            decidedBy: string | null;
            decidedAt: (string) | null;
        };
        RegulatorExportBody: {
            /** @enum {string} */
            mode: "full" | "incremental";
            since?: unknown | null;
        };
        RegulatorExportBodyInput: {
            /** @enum {string} */
            mode: "full" | "incremental";
            since?: string | null;
        };
        RegulatorExportInput: {
            /** Format: uuid */
            id: string;
            seq: number;
            /** @enum {string} */
            mode: "full" | "incremental";
            since: string | null;
            afterSeq: number;
            throughSeq: number;
            fileName: string;
            sha256: string;
            sizeBytes: number;
            recordCounts: {
                [key: string]: number;
            };
            changeCount: number;
            /** @enum {string} */
            status: "exported" | "acknowledged" | "rejected";
            resultCode: string | null;
            rejectReason: string | null;
            createdBy: string;
            createdAt: string | null;
            decidedBy: string | null;
            decidedAt: string | null;
        };
        RegulatorExportResult: {
            export: components["schemas"]["RegulatorExport"];
            files: {
                name: string;
                sha256: string;
                bytes: number;
            }[];
        };
        RegulatorExportResultInput: {
            export: components["schemas"]["RegulatorExportInput"];
            files: {
                name: string;
                sha256: string;
                bytes: number;
            }[];
        };
        RegulatorFailure: {
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            recordKey: string;
            /** @enum {string} */
            reason: "user.notVerified" | "user.idNumberInvalid" | "service.filingInvalid" | "service.userNotVerified" | "segment.noUser" | "operator.licenceMissing";
            detail: string | null;
            message: string;
        };
        RegulatorFailureInput: {
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            recordKey: string;
            /** @enum {string} */
            reason: "user.notVerified" | "user.idNumberInvalid" | "service.filingInvalid" | "service.userNotVerified" | "segment.noUser" | "operator.licenceMissing";
            detail: string | null;
            message: string;
        };
        RegulatorFinding: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "unfiled_host" | "unfiled_sni" | "unallocated_ip" | "allocation_no_user" | "filing_not_resolving";
            subject: string;
            serverIp: string | null;
            customerId: string | null;
            customerName: string | null;
            serverId: string | null;
            hits: number;
            detail: {
                [key: string]: unknown;
            };
            firstSeenOn: string;
            lastSeenOn: string;
            dueOn: string;
            overdue: boolean;
            /** @enum {string} */
            status: "open" | "converted" | "dismissed" | "cleared";
            complaintId: string | null;
            closedBy: string | null;
            closedAt: (string) | null;
        };
        RegulatorFindingInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "unfiled_host" | "unfiled_sni" | "unallocated_ip" | "allocation_no_user" | "filing_not_resolving";
            subject: string;
            serverIp: string | null;
            customerId: string | null;
            customerName: string | null;
            serverId: string | null;
            hits: number;
            detail: {
                [key: string]: unknown;
            };
            firstSeenOn: string;
            lastSeenOn: string;
            dueOn: string;
            overdue: boolean;
            /** @enum {string} */
            status: "open" | "converted" | "dismissed" | "cleared";
            complaintId: string | null;
            closedBy: string | null;
            closedAt: string | null;
        };
        RegulatorReconcileBody: {
            /** Format: date */
            through?: string;
        };
        RegulatorReconcileBodyInput: {
            /** Format: date */
            through?: string;
        };
        RegulatorReconcileResult: {
            days: string[];
            findings: number;
        };
        RegulatorReconcileResultInput: {
            days: string[];
            findings: number;
        };
        RegulatorRegisterPage: {
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            fields: string[];
            items: {
                [key: string]: string | number | boolean;
            }[];
            total: number;
            counts: {
                operator: number;
                house: number;
                gateway: number;
                frame: number;
                ip_segment: number;
                user: number;
                service: number;
                occupied: number;
            };
        };
        RegulatorRegisterPageInput: {
            /** @enum {string} */
            kind: "operator" | "house" | "gateway" | "frame" | "ip_segment" | "user" | "service" | "occupied";
            fields: string[];
            items: {
                [key: string]: string | number | boolean;
            }[];
            total: number;
            counts: {
                operator: number;
                house: number;
                gateway: number;
                frame: number;
                ip_segment: number;
                user: number;
                service: number;
                occupied: number;
            };
        };
        RegulatorRejectBody: {
            resultCode: string;
            reason: string;
        };
        RegulatorRejectBodyInput: {
            resultCode: string;
            reason: string;
        };
        RegulatorSettings: {
            licenceNumber: string;
            province: string;
            /** @enum {string} */
            houseNature: "self_built" | "leased" | "other";
            houseOfficer: string;
            houseOfficerPhone: string;
            workingDays: number;
            updatedAt: (string) | null;
        };
        RegulatorSettingsBody: {
            licenceNumber: string;
            province: string;
            /** @enum {string} */
            houseNature: "self_built" | "leased" | "other";
            houseOfficer: string;
            houseOfficerPhone: string;
            workingDays: number;
        };
        RegulatorSettingsBodyInput: {
            licenceNumber: string;
            province: string;
            /** @enum {string} */
            houseNature: "self_built" | "leased" | "other";
            houseOfficer: string;
            houseOfficerPhone: string;
            workingDays: number;
        };
        RegulatorSettingsInput: {
            licenceNumber: string;
            province: string;
            /** @enum {string} */
            houseNature: "self_built" | "leased" | "other";
            houseOfficer: string;
            houseOfficerPhone: string;
            workingDays: number;
            updatedAt: string | null;
        };
        RegulatorValidation: {
            valid: boolean;
            failures: components["schemas"]["RegulatorFailure"][];
        };
        RegulatorValidationInput: {
            valid: boolean;
            failures: components["schemas"]["RegulatorFailureInput"][];
        };
        ReleaseHold: {
            /** @enum {string} */
            kind: "unpaid_invoice" | "complaint_evidence" | "inspection";
            ref: string;
        };
        ReleaseHoldInput: {
            /** @enum {string} */
            kind: "unpaid_invoice" | "complaint_evidence" | "inspection";
            ref: string;
        };
        ReleaseHoldList: {
            items: components["schemas"]["ReleaseHold"][];
        };
        ReleaseHoldListInput: {
            items: components["schemas"]["ReleaseHoldInput"][];
        };
        RetentionAnswerBody: {
            /** @enum {string} */
            status: "done" | "refused";
            answer: string;
        };
        RetentionAnswerBodyInput: {
            /** @enum {string} */
            status: "done" | "refused";
            answer: string;
        };
        RetentionHold: {
            /** @enum {string} */
            kind: "manual" | "complaint" | "inspection" | "takedown";
            /** Format: uuid */
            id: string;
            label: string;
        };
        RetentionHoldInput: {
            /** @enum {string} */
            kind: "manual" | "complaint" | "inspection" | "takedown";
            /** Format: uuid */
            id: string;
            label: string;
        };
        RetentionManualHold: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            reason: string;
            placedBy: string | null;
            placedAt: (string) | null;
            releasedAt: (string) | null;
            releasedBy: string | null;
        };
        RetentionManualHoldInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            reason: string;
            placedBy: string | null;
            placedAt: string | null;
            releasedAt: string | null;
            releasedBy: string | null;
        };
        RetentionPolicy: {
            /** @enum {string} */
            kind: "kyc_copies" | "roster_history";
            months: number;
            answerWorkingDays: number;
            updatedBy: string | null;
            updatedAt: (string) | null;
        };
        RetentionPolicyBody: {
            months: number;
            answerWorkingDays: number;
        };
        RetentionPolicyBodyInput: {
            months: number;
            answerWorkingDays: number;
        };
        RetentionPolicyInput: {
            /** @enum {string} */
            kind: "kyc_copies" | "roster_history";
            months: number;
            answerWorkingDays: number;
            updatedBy: string | null;
            updatedAt: string | null;
        };
        RetentionRedaction: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "kyc_copies" | "roster_history";
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            entityId: string;
            dueOn: string;
            redactedAt: (string) | null;
            requestId: string | null;
        };
        RetentionRedactionInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "kyc_copies" | "roster_history";
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            entityId: string;
            dueOn: string;
            redactedAt: string | null;
            requestId: string | null;
        };
        RetentionRequest: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            ticketId: string;
            /** @enum {string} */
            kind: "deletion" | "correction";
            subjectName: string;
            detail: string;
            receivedAt: (string) | null;
            answerDueOn: string;
            answerDueProvisional: boolean;
            /** @enum {string} */
            status: "open" | "done" | "refused";
            answeredAt: (string) | null;
            answeredBy: string | null;
            answer: string | null;
            overdue?: boolean;
        };
        RetentionRequestBody: {
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "deletion" | "correction";
            subjectName: string;
            detail: string;
        };
        RetentionRequestBodyInput: {
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            kind: "deletion" | "correction";
            subjectName: string;
            detail: string;
        };
        RetentionRequestInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            ticketId: string;
            /** @enum {string} */
            kind: "deletion" | "correction";
            subjectName: string;
            detail: string;
            receivedAt: string | null;
            answerDueOn: string;
            answerDueProvisional: boolean;
            /** @enum {string} */
            status: "open" | "done" | "refused";
            answeredAt: string | null;
            answeredBy: string | null;
            answer: string | null;
            overdue?: boolean;
        };
        Room: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            siteId: string;
            name: string;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
        };
        RoomInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            siteId: string;
            name: string;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
        };
        RoomUtilisation: {
            /** Format: uuid */
            roomId: string;
            name: string;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            cabinets: number;
            totalU: number;
            usedU: number;
            powerBudgetW: number;
            powerW: number;
        };
        RoomUtilisationInput: {
            /** Format: uuid */
            roomId: string;
            name: string;
            /** Format: uuid */
            siteId: string;
            siteName: string;
            cabinets: number;
            totalU: number;
            usedU: number;
            powerBudgetW: number;
            powerW: number;
        };
        RosterChangeResult: {
            members: components["schemas"]["RosterMember"][];
            removed: string[];
        };
        RosterChangeResultInput: {
            members: components["schemas"]["RosterMemberInput"][];
            removed: string[];
        };
        RosterList: {
            items: components["schemas"]["RosterMember"][];
        };
        RosterListInput: {
            items: components["schemas"]["RosterMemberInput"][];
        };
        RosterMember: {
            /** Format: uuid */
            memberId: string;
            /** Format: uuid */
            versionId: string;
            side: components["schemas"]["RosterSide"];
            role: components["schemas"]["RosterRole"];
            name: string;
            mobile: string | null;
            landline: string | null;
            email: string | null;
            available24h: boolean;
            validFrom: (string) | null;
            validTo: (string) | null;
        };
        RosterMemberInput: {
            /** Format: uuid */
            memberId: string;
            /** Format: uuid */
            versionId: string;
            side: components["schemas"]["RosterSideInput"];
            role: components["schemas"]["RosterRoleInput"];
            name: string;
            mobile: string | null;
            landline: string | null;
            email: string | null;
            available24h: boolean;
            validFrom: string | null;
            validTo: string | null;
        };
        /** @enum {string} */
        RosterRole: "legal_representative" | "technical_lead" | "network_admin" | "device_admin" | "server_admin" | "contract_contact";
        /** @enum {string} */
        RosterRoleInput: "legal_representative" | "technical_lead" | "network_admin" | "device_admin" | "server_admin" | "contract_contact";
        /**
         * @description customer: 甲方; provider: 乙方
         * @enum {string}
         */
        RosterSide: "customer" | "provider";
        /**
         * @description customer: 甲方; provider: 乙方
         * @enum {string}
         */
        RosterSideInput: "customer" | "provider";
        ScheduledMaintenanceWindow: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: (string) | null;
            endsAt: (string) | null;
            noticedAt: (string) | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsent"][];
            affectedCustomers: number;
            affectedServers: number;
        };
        ScheduledMaintenanceWindowInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            kind: "expansion" | "relocation" | "network_cutover" | "circuit_debugging" | "provider_work";
            description: string;
            startsAt: string | null;
            endsAt: string | null;
            noticedAt: string | null;
            /** @enum {string} */
            status: "scheduled" | "performed" | "cancelled";
            performedIncidentId: string | null;
            needsConsent: boolean;
            consents?: components["schemas"]["MaintenanceConsentInput"][];
            affectedCustomers: number;
            affectedServers: number;
        };
        SearchChainLink: {
            /** @enum {string} */
            kind: "server" | "cabinet" | "customer" | "contract";
            /** Format: uuid */
            id: string;
            label: string;
        };
        SearchChainLinkInput: {
            /** @enum {string} */
            kind: "server" | "cabinet" | "customer" | "contract";
            /** Format: uuid */
            id: string;
            label: string;
        };
        SearchHit: {
            kind: components["schemas"]["SearchKind"];
            /** Format: uuid */
            id: string;
            label: string;
            status: string | null;
            detail: string | null;
            amountFen: number | null;
            chain: components["schemas"]["SearchChainLink"][];
        };
        SearchHitInput: {
            kind: components["schemas"]["SearchKindInput"];
            /** Format: uuid */
            id: string;
            label: string;
            status: string | null;
            detail: string | null;
            amountFen: number | null;
            chain: components["schemas"]["SearchChainLinkInput"][];
        };
        /** @enum {string} */
        SearchKind: "ip" | "domain" | "server" | "cabinet" | "contract" | "invoice" | "customer";
        /** @enum {string} */
        SearchKindInput: "ip" | "domain" | "server" | "cabinet" | "contract" | "invoice" | "customer";
        SearchResult: {
            kinds: components["schemas"]["SearchKind"][];
            groups: {
                kind: components["schemas"]["SearchKind"];
                hits: components["schemas"]["SearchHit"][];
            }[];
        };
        SearchResultInput: {
            kinds: components["schemas"]["SearchKindInput"][];
            groups: {
                kind: components["schemas"]["SearchKindInput"];
                hits: components["schemas"]["SearchHitInput"][];
            }[];
        };
        /** @enum {string} */
        SecondFactorMethod: "totp" | "recovery" | "passkey";
        /** @enum {string} */
        SecondFactorMethodInput: "totp" | "recovery" | "passkey";
        SecurityClassifyBody: {
            /** @enum {string} */
            grade: "general" | "major" | "serious" | "especially_serious";
        };
        SecurityClassifyBodyInput: {
            /** @enum {string} */
            grade: "general" | "major" | "serious" | "especially_serious";
        };
        SecurityReport: {
            /** Format: uuid */
            incidentId: string;
            /** @enum {string} */
            grade: "general" | "major" | "serious" | "especially_serious";
            classifiedAt: (string) | null;
            classifiedBy: string | null;
            criticalInfrastructure: boolean;
            reportDueAt: (string) | null;
            unit: string | null;
            occurredAt: (string) | null;
            place: string | null;
            eventType: string | null;
            impact: string | null;
            measures: string | null;
            reportedAt: (string) | null;
            reportedBy: string | null;
            reportedTo: string | null;
            updatedAt: (string) | null;
            missing: string[];
            late: boolean;
        };
        SecurityReportForm: {
            unit?: string | null;
            occurredAt?: string | null;
            place?: string | null;
            eventType?: string | null;
            impact?: string | null;
            measures?: string | null;
        };
        SecurityReportFormInput: {
            unit?: string | null;
            occurredAt?: string | null;
            place?: string | null;
            eventType?: string | null;
            impact?: string | null;
            measures?: string | null;
        };
        SecurityReportInput: {
            /** Format: uuid */
            incidentId: string;
            /** @enum {string} */
            grade: "general" | "major" | "serious" | "especially_serious";
            classifiedAt: string | null;
            classifiedBy: string | null;
            criticalInfrastructure: boolean;
            reportDueAt: string | null;
            unit: string | null;
            occurredAt: string | null;
            place: string | null;
            eventType: string | null;
            impact: string | null;
            measures: string | null;
            reportedAt: string | null;
            reportedBy: string | null;
            reportedTo: string | null;
            updatedAt: string | null;
            missing: string[];
            late: boolean;
        };
        SecurityReportSettings: {
            criticalInfrastructure: boolean;
        };
        SecurityReportSettingsInput: {
            criticalInfrastructure: boolean;
        };
        SecurityReportedBody: {
            reportedTo: string;
            reportedAt?: string | null;
        };
        SecurityReportedBodyInput: {
            reportedTo: string;
            reportedAt?: string | null;
        };
        SentNotice: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            type: string;
            subjectZh: string;
            subjectEn: string;
            bodyZh: string;
            bodyEn: string;
            recipientName: string;
            relatedEntity: string | null;
            relatedId: string | null;
            createdAt: (string) | null;
            received: boolean;
            receivedHow: ("email" | "post" | "fax" | "in_person") | null;
            documentName: string | null;
            sourceOutboxId: string | null;
            createdBy: string | null;
        };
        SentNoticeInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** @enum {string} */
            direction: "provider_to_customer" | "customer_to_provider";
            type: string;
            subjectZh: string;
            subjectEn: string;
            bodyZh: string;
            bodyEn: string;
            recipientName: string;
            relatedEntity: string | null;
            relatedId: string | null;
            createdAt: string | null;
            received: boolean;
            receivedHow: ("email" | "post" | "fax" | "in_person") | null;
            documentName: string | null;
            sourceOutboxId: string | null;
            createdBy: string | null;
        };
        Server: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            contractId: string | null;
            brand: string;
            model: string;
            serialNumber: string;
            name?: string | null;
            needsCompletion?: boolean;
            heightU: number;
            powerW: number;
            /** @enum {string} */
            status: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
            rackedAt: (string) | null;
            removedAt: (string) | null;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
        };
        ServerDetail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            contractId: string | null;
            brand: string;
            model: string;
            serialNumber: string;
            name?: string | null;
            needsCompletion?: boolean;
            heightU: number;
            powerW: number;
            /** @enum {string} */
            status: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
            rackedAt: (string) | null;
            removedAt: (string) | null;
            version: number;
            createdAt: (string) | null;
            updatedAt: (string) | null;
            placement: components["schemas"]["ServerPlacement"] | null;
            ports: components["schemas"]["PortAssignment"][];
            inspections: components["schemas"]["ServerInspection"][];
        };
        ServerDetailInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            contractId: string | null;
            brand: string;
            model: string;
            serialNumber: string;
            name?: string | null;
            needsCompletion?: boolean;
            heightU: number;
            powerW: number;
            /** @enum {string} */
            status: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
            rackedAt: string | null;
            removedAt: string | null;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
            placement: components["schemas"]["ServerPlacementInput"] | null;
            ports: components["schemas"]["PortAssignmentInput"][];
            inspections: components["schemas"]["ServerInspectionInput"][];
        };
        ServerImportReport: {
            created: number;
            refused: number;
            rows: components["schemas"]["ServerImportRow"][];
        };
        ServerImportReportInput: {
            created: number;
            refused: number;
            rows: components["schemas"]["ServerImportRowInput"][];
        };
        ServerImportRow: {
            line: number;
            serialNumber: string;
            /** @enum {string} */
            status: "created" | "refused";
            serverId: string | null;
            message: string | null;
            fields: {
                path: string;
                message: string;
            }[];
        };
        ServerImportRowInput: {
            line: number;
            serialNumber: string;
            /** @enum {string} */
            status: "created" | "refused";
            serverId: string | null;
            message: string | null;
            fields: {
                path: string;
                message: string;
            }[];
        };
        ServerInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            contractId: string | null;
            brand: string;
            model: string;
            serialNumber: string;
            name?: string | null;
            needsCompletion?: boolean;
            heightU: number;
            powerW: number;
            /** @enum {string} */
            status: "expected" | "racked" | "commissioning" | "in_service" | "suspended" | "removed";
            rackedAt: string | null;
            removedAt: string | null;
            version: number;
            createdAt: string | null;
            updatedAt: string | null;
        };
        ServerInspection: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            inspectorId: string | null;
            powerSupplies: boolean;
            rails: boolean;
            interfaces: boolean;
            labelling: boolean;
            passed: boolean;
            notes: string | null;
            inspectedAt: (string) | null;
            items: components["schemas"]["InspectionItemResult"][];
        };
        ServerInspectionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            serverId: string;
            /** Format: uuid */
            customerId: string;
            inspectorId: string | null;
            powerSupplies: boolean;
            rails: boolean;
            interfaces: boolean;
            labelling: boolean;
            passed: boolean;
            notes: string | null;
            inspectedAt: string | null;
            items: components["schemas"]["InspectionItemResultInput"][];
        };
        ServerPlacement: {
            /** Format: uuid */
            cabinetId: string;
            cabinetCode: string;
            roomName: string;
            siteName: string;
            faces: ("front" | "rear")[];
            lowest: number;
            highest: number;
        };
        ServerPlacementInput: {
            /** Format: uuid */
            cabinetId: string;
            cabinetCode: string;
            roomName: string;
            siteName: string;
            faces: ("front" | "rear")[];
            lowest: number;
            highest: number;
        };
        ServerSuspension: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            complaintId: string | null;
            /** @enum {string} */
            clause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
            reason: string;
            portInstruction: string;
            suspendedAt: (string) | null;
            restoredAt: (string) | null;
            restoreNote: string | null;
        };
        ServerSuspensionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            serverId: string;
            complaintId: string | null;
            /** @enum {string} */
            clause: "5.3" | "5.4" | "5.5" | "5.6" | "5.7" | "5.8" | "6.3";
            reason: string;
            portInstruction: string;
            suspendedAt: string | null;
            restoredAt: string | null;
            restoreNote: string | null;
        };
        Site: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            address: string;
            accessPoint: string;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
        };
        SiteInput: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            address: string;
            accessPoint: string;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
        };
        StaffTask: {
            /** Format: uuid */
            id: string;
            kind: string;
            customerName?: string | null;
            role: components["schemas"]["StaffTaskRole"];
            customerId: string | null;
            /** Format: uuid */
            subjectId: string;
            dueOn: string;
            payload: components["schemas"]["StaffTaskPayload"];
            createdAt: (string) | null;
            doneAt: (string) | null;
            doneBy: string | null;
        };
        StaffTaskInput: {
            /** Format: uuid */
            id: string;
            kind: string;
            customerName?: string | null;
            role: components["schemas"]["StaffTaskRoleInput"];
            customerId: string | null;
            /** Format: uuid */
            subjectId: string;
            dueOn: string;
            payload: components["schemas"]["StaffTaskPayloadInput"];
            createdAt: string | null;
            doneAt: string | null;
            doneBy: string | null;
        };
        StaffTaskList: {
            items: components["schemas"]["StaffTask"][];
        };
        StaffTaskListInput: {
            items: components["schemas"]["StaffTaskInput"][];
        };
        StaffTaskPayload: {
            kind?: string;
            holderName?: string;
            expiresOn?: string;
            year?: number;
            number?: string;
            label?: string;
            before?: string;
            after?: string;
        } & {
            [key: string]: unknown;
        };
        StaffTaskPayloadInput: {
            kind?: string;
            holderName?: string;
            expiresOn?: string;
            year?: number;
            number?: string;
            label?: string;
            before?: string;
            after?: string;
        } & {
            [key: string]: unknown;
        };
        /** @enum {string} */
        StaffTaskRole: "admin" | "sales" | "noc" | "compliance" | "finance";
        /** @enum {string} */
        StaffTaskRoleInput: "admin" | "sales" | "noc" | "compliance" | "finance";
        Switch: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            cabinetId: string | null;
            name: string;
            model: string;
            uplinkMbps: number;
            createdAt: (string) | null;
            version: number;
            retiredAt: (string) | null;
        };
        SwitchInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            roomId: string;
            cabinetId: string | null;
            name: string;
            model: string;
            uplinkMbps: number;
            createdAt: string | null;
            version: number;
            retiredAt: string | null;
        };
        SwitchPort: {
            /** Format: uuid */
            id: string;
            name: string;
            speedMbps: number;
        };
        SwitchPortInput: {
            /** Format: uuid */
            id: string;
            name: string;
            speedMbps: number;
        };
        Takedown: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            issuer: string;
            documentNumber: string;
            scanFileName: string | null;
            scanContentType: string | null;
            receivedAt: (string) | null;
            deadlineAt: (string) | null;
            actions: ("block_domain" | "block_ip" | "suspend_server" | "preserve_evidence")[];
            reason: string;
            /** @enum {string} */
            status: "registered" | "executed" | "lifted";
            registeredBy: string | null;
            registeredAt: (string) | null;
            executedBy: string | null;
            executedAt: (string) | null;
            noticeId: string | null;
            liftedAt: (string) | null;
            liftedBy: string | null;
            liftNote: string | null;
            hasScan: boolean;
            hasReceipt: boolean;
            targets: {
                /** @enum {string} */
                kind: "domain" | "ip" | "server";
                value: string;
                serverId: string | null;
            }[];
            proof: components["schemas"]["TakedownProof"] | null;
        };
        TakedownBody: {
            issuer: string;
            documentNumber: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            deadlineAt: string;
            actions: ("block_domain" | "block_ip" | "suspend_server" | "preserve_evidence")[];
            reason: string;
            domains?: string[];
            ips?: string[];
            serverIds?: string[];
        };
        TakedownBodyInput: {
            issuer: string;
            documentNumber: string;
            /** Format: date-time */
            receivedAt: string;
            /** Format: date-time */
            deadlineAt: string;
            actions: ("block_domain" | "block_ip" | "suspend_server" | "preserve_evidence")[];
            reason: string;
            domains?: string[];
            ips?: string[];
            serverIds?: string[];
        };
        TakedownCheck: {
            name: string;
            /** @enum {string} */
            protocol: "http" | "tls";
            /** @enum {string} */
            result: "blocked" | "open" | "error";
            detail: string;
            at: string;
            attempts: number;
        };
        TakedownCheckInput: {
            name: string;
            /** @enum {string} */
            protocol: "http" | "tls";
            /** @enum {string} */
            result: "blocked" | "open" | "error";
            detail: string;
            at: string;
            attempts: number;
        };
        TakedownInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            issuer: string;
            documentNumber: string;
            scanFileName: string | null;
            scanContentType: string | null;
            receivedAt: string | null;
            deadlineAt: string | null;
            actions: ("block_domain" | "block_ip" | "suspend_server" | "preserve_evidence")[];
            reason: string;
            /** @enum {string} */
            status: "registered" | "executed" | "lifted";
            registeredBy: string | null;
            registeredAt: string | null;
            executedBy: string | null;
            executedAt: string | null;
            noticeId: string | null;
            liftedAt: string | null;
            liftedBy: string | null;
            liftNote: string | null;
            hasScan: boolean;
            hasReceipt: boolean;
            targets: {
                /** @enum {string} */
                kind: "domain" | "ip" | "server";
                value: string;
                serverId: string | null;
            }[];
            proof: components["schemas"]["TakedownProofInput"] | null;
        };
        TakedownProof: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            gateApplyId: string | null;
            gateFingerprint: string;
            gateOutcome: string;
            blockedAt: (string) | null;
            secondsToBlock: number;
            checks: components["schemas"]["TakedownCheck"][];
            suspensionIds: string[];
            recordedAt: (string) | null;
        };
        TakedownProofInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            gateApplyId: string | null;
            gateFingerprint: string;
            gateOutcome: string;
            blockedAt: string | null;
            secondsToBlock: number;
            checks: components["schemas"]["TakedownCheckInput"][];
            suspensionIds: string[];
            recordedAt: string | null;
        };
        Team: {
            customerName: string;
            require2fa: boolean;
            users: components["schemas"]["TeamMember"][];
            invitations: components["schemas"]["Invitation"][];
        };
        TeamInput: {
            customerName: string;
            require2fa: boolean;
            users: components["schemas"]["TeamMemberInput"][];
            invitations: components["schemas"]["InvitationInput"][];
        };
        TeamMember: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            email: string | null;
            kind: components["schemas"]["UserKind"];
            roles: components["schemas"]["UserRole"][];
            customerId: string | null;
            customerName: string | null;
            disabled: boolean;
            lastLoginAt: (string) | null;
            createdAt: (string) | null;
            /** @description the 5.10 roster person with the same e-mail */
            rosterMemberId: string | null;
            rosterName: string | null;
            secondFactor: boolean;
        };
        TeamMemberInput: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            email: string | null;
            kind: components["schemas"]["UserKindInput"];
            roles: components["schemas"]["UserRoleInput"][];
            customerId: string | null;
            customerName: string | null;
            disabled: boolean;
            lastLoginAt: string | null;
            createdAt: string | null;
            /** @description the 5.10 roster person with the same e-mail */
            rosterMemberId: string | null;
            rosterName: string | null;
            secondFactor: boolean;
        };
        /** @description shown once */
        TemporaryPassword: {
            temporaryPassword: string;
        };
        /** @description shown once */
        TemporaryPasswordInput: {
            temporaryPassword: string;
        };
        Ticket: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            contractId: string | null;
            domain: string | null;
            assigneeId: string | null;
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            /** @enum {string} */
            priority: "urgent" | "high" | "normal" | "low";
            subject: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
            openedBy: string;
            openedAt: (string) | null;
            firstResponseAt: (string) | null;
            resolvedAt: (string) | null;
            closedAt: (string) | null;
            firstResponseMinutes: number | null;
            resolutionMinutes: number | null;
            sla: {
                firstResponse: components["schemas"]["TicketSlaClock"];
                resolution: components["schemas"]["TicketSlaClock"];
            };
        };
        TicketAssignee: {
            /** Format: uuid */
            id: string;
            displayName: string;
            login: string;
        };
        TicketAssigneeInput: {
            /** Format: uuid */
            id: string;
            displayName: string;
            login: string;
        };
        TicketAttachment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            commentId: string | null;
            fileName: string;
            contentType: string;
            size: number;
            internal: boolean;
            uploadedBy: string;
            uploadedAt: (string) | null;
        };
        TicketAttachmentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            commentId: string | null;
            fileName: string;
            contentType: string;
            size: number;
            internal: boolean;
            uploadedBy: string;
            uploadedAt: string | null;
        };
        TicketComment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            /** Format: uuid */
            customerId: string;
            authorId: string | null;
            /** @enum {string} */
            authorKind: "staff" | "customer" | "system";
            body: string;
            internal: boolean;
            createdAt: (string) | null;
        };
        TicketCommentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            ticketId: string;
            /** Format: uuid */
            customerId: string;
            authorId: string | null;
            /** @enum {string} */
            authorKind: "staff" | "customer" | "system";
            body: string;
            internal: boolean;
            createdAt: string | null;
        };
        TicketDetail: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            contractId: string | null;
            domain: string | null;
            assigneeId: string | null;
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            /** @enum {string} */
            priority: "urgent" | "high" | "normal" | "low";
            subject: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
            openedBy: string;
            openedAt: (string) | null;
            firstResponseAt: (string) | null;
            resolvedAt: (string) | null;
            closedAt: (string) | null;
            firstResponseMinutes: number | null;
            resolutionMinutes: number | null;
            sla: {
                firstResponse: components["schemas"]["TicketSlaClock"];
                resolution: components["schemas"]["TicketSlaClock"];
            };
            assigneeName: string | null;
            comments: components["schemas"]["TicketComment"][];
            attachments: components["schemas"]["TicketAttachment"][];
            mails: components["schemas"]["TicketMail"][];
        };
        TicketDetailInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            contractId: string | null;
            domain: string | null;
            assigneeId: string | null;
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            /** @enum {string} */
            priority: "urgent" | "high" | "normal" | "low";
            subject: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
            openedBy: string;
            openedAt: string | null;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            firstResponseMinutes: number | null;
            resolutionMinutes: number | null;
            sla: {
                firstResponse: components["schemas"]["TicketSlaClockInput"];
                resolution: components["schemas"]["TicketSlaClockInput"];
            };
            assigneeName: string | null;
            comments: components["schemas"]["TicketCommentInput"][];
            attachments: components["schemas"]["TicketAttachmentInput"][];
            mails: components["schemas"]["TicketMailInput"][];
        };
        TicketInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName?: string;
            serverId: string | null;
            contractId: string | null;
            domain: string | null;
            assigneeId: string | null;
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            /** @enum {string} */
            priority: "urgent" | "high" | "normal" | "low";
            subject: string;
            description: string;
            /** @enum {string} */
            status: "open" | "acknowledged" | "in_progress" | "resolved" | "closed";
            openedBy: string;
            openedAt: string | null;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            firstResponseMinutes: number | null;
            resolutionMinutes: number | null;
            sla: {
                firstResponse: components["schemas"]["TicketSlaClockInput"];
                resolution: components["schemas"]["TicketSlaClockInput"];
            };
        };
        TicketMail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            commentId: string;
            recipient: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
            lastError: string | null;
            sentAt: (string) | null;
        };
        TicketMailInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            commentId: string;
            recipient: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            attempts: number;
            lastError: string | null;
            sentAt: string | null;
        };
        TicketResponseTimes: {
            month: string;
            type: string;
            count: number;
            medianFirstResponseMinutes: number | null;
            p90FirstResponseMinutes: number | null;
            medianResolutionMinutes: number | null;
            judged: number;
            withinTarget: number;
            withinTargetPercent: number | null;
        };
        TicketResponseTimesInput: {
            month: string;
            type: string;
            count: number;
            medianFirstResponseMinutes: number | null;
            p90FirstResponseMinutes: number | null;
            medianResolutionMinutes: number | null;
            judged: number;
            withinTarget: number;
            withinTargetPercent: number | null;
        };
        TicketSlaClock: {
            /** @enum {string} */
            state: "met" | "breached" | "running" | "none";
            targetMinutes: number | null;
            dueAt: (string) | null;
            minutesLeft: number | null;
        };
        TicketSlaClockInput: {
            /** @enum {string} */
            state: "met" | "breached" | "running" | "none";
            targetMinutes: number | null;
            dueAt: string | null;
            minutesLeft: number | null;
        };
        TicketSlaTarget: {
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            firstResponseMinutes: number;
            resolutionMinutes: number | null;
            updatedAt: (string) | null;
        };
        TicketSlaTargetInput: {
            /** @enum {string} */
            type: "reboot" | "hands_on" | "filing_assistance" | "abuse_reply" | "compensation_dispute" | "billing" | "network" | "general" | "personal_data";
            firstResponseMinutes: number;
            resolutionMinutes: number | null;
            updatedAt: string | null;
        };
        TotpEnrolment: {
            secret: string;
            uri: string;
            /** @description the otpauth URI as a PNG data URI */
            qrDataUri: string;
        };
        TotpEnrolmentInput: {
            secret: string;
            uri: string;
            /** @description the otpauth URI as a PNG data URI */
            qrDataUri: string;
        };
        UnmatchedAlert: {
            /** Format: uuid */
            id: string;
            fingerprint: string;
            alertname: string;
            labels: {
                [key: string]: string;
            };
            annotations: {
                [key: string]: string;
            };
            generatorUrl: string | null;
            startsAt: (string) | null;
            endsAt: (string) | null;
            receivedAt: (string) | null;
            mappedAt: (string) | null;
            mappedBy: string | null;
            incidentId: string | null;
        };
        UnmatchedAlertInput: {
            /** Format: uuid */
            id: string;
            fingerprint: string;
            alertname: string;
            labels: {
                [key: string]: string;
            };
            annotations: {
                [key: string]: string;
            };
            generatorUrl: string | null;
            startsAt: string | null;
            endsAt: string | null;
            receivedAt: string | null;
            mappedAt: string | null;
            mappedBy: string | null;
            incidentId: string | null;
        };
        UpdatedIncident: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: (string) | null;
            startedAt: (string) | null;
            resolvedAt: (string) | null;
            lineFaultBreachedAt: (string) | null;
            maintenanceId: string | null;
            noticeGivenAt: (string) | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClock"];
            recomputed: {
                contractId: string;
                hours: number;
                changed: boolean;
            }[];
        };
        UpdatedIncidentInput: {
            /** Format: uuid */
            id: string;
            number: string;
            title: string;
            /** @enum {string} */
            cause: "provider_fault" | "customer_fault" | "force_majeure" | "third_party_circuit" | "network_cutover" | "relocation" | "provider_planned";
            causeEvidence: string | null;
            lineFault: boolean;
            /** @enum {string} */
            source: "noc" | "alertmanager" | "suspension" | "maintenance";
            fingerprint: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            reportedAt: string | null;
            startedAt: string | null;
            resolvedAt: string | null;
            lineFaultBreachedAt: string | null;
            maintenanceId: string | null;
            noticeGivenAt: string | null;
            version: number;
            lineClock: components["schemas"]["LineFaultClockInput"];
            recomputed: {
                contractId: string;
                hours: number;
                changed: boolean;
            }[];
        };
        User: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            email: string | null;
            kind: components["schemas"]["UserKind"];
            roles: components["schemas"]["UserRole"][];
            customerId: string | null;
            customerName: string | null;
            disabled: boolean;
            lastLoginAt: (string) | null;
            createdAt: (string) | null;
        };
        UserInput: {
            /** Format: uuid */
            id: string;
            login: string;
            displayName: string;
            email: string | null;
            kind: components["schemas"]["UserKindInput"];
            roles: components["schemas"]["UserRoleInput"][];
            customerId: string | null;
            customerName: string | null;
            disabled: boolean;
            lastLoginAt: string | null;
            createdAt: string | null;
        };
        /**
         * @description staff: 乙方 staff; customer: a user of a 甲方 customer
         * @enum {string}
         */
        UserKind: "staff" | "customer";
        /**
         * @description staff: 乙方 staff; customer: a user of a 甲方 customer
         * @enum {string}
         */
        UserKindInput: "staff" | "customer";
        UserPage: {
            items: components["schemas"]["User"][];
            total: number;
        };
        UserPageInput: {
            items: components["schemas"]["UserInput"][];
            total: number;
        };
        /** @enum {string} */
        UserRole: "admin" | "sales" | "noc" | "compliance" | "finance" | "auditor" | "owner" | "technical" | "billing";
        /** @enum {string} */
        UserRoleInput: "admin" | "sales" | "noc" | "compliance" | "finance" | "auditor" | "owner" | "technical" | "billing";
        Visit: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            roomId: string;
            roomName: string;
            siteName: string;
            /** @enum {string} */
            purpose: "installation" | "maintenance" | "inspection" | "removal" | "emergency";
            startsAt: (string) | null;
            endsAt: (string) | null;
            note: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "refused";
            requestedAt: (string) | null;
            decidedAt: (string) | null;
            decisionReason: string | null;
            serverIds: string[];
            people: components["schemas"]["VisitPerson"][];
            rosterAt?: (string) | null;
        };
        VisitBookingOptions: {
            rooms: {
                /** Format: uuid */
                roomId: string;
                roomName: string;
                siteName: string;
            }[];
            servers: {
                /** Format: uuid */
                id: string;
                serialNumber: string;
                brand: string;
                model: string;
                status: string;
                roomId: string | null;
                cabinetCode: string | null;
            }[];
            people: {
                /** Format: uuid */
                memberId: string;
                name: string;
                role: string;
                mayAuthoriseEquipment: boolean;
            }[];
            settings: components["schemas"]["AccessSettings"];
        };
        VisitBookingOptionsInput: {
            rooms: {
                /** Format: uuid */
                roomId: string;
                roomName: string;
                siteName: string;
            }[];
            servers: {
                /** Format: uuid */
                id: string;
                serialNumber: string;
                brand: string;
                model: string;
                status: string;
                roomId: string | null;
                cabinetCode: string | null;
            }[];
            people: {
                /** Format: uuid */
                memberId: string;
                name: string;
                role: string;
                mayAuthoriseEquipment: boolean;
            }[];
            settings: components["schemas"]["AccessSettingsInput"];
        };
        VisitInput: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            customerId: string;
            customerName: string;
            /** Format: uuid */
            roomId: string;
            roomName: string;
            siteName: string;
            /** @enum {string} */
            purpose: "installation" | "maintenance" | "inspection" | "removal" | "emergency";
            startsAt: string | null;
            endsAt: string | null;
            note: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "refused";
            requestedAt: string | null;
            decidedAt: string | null;
            decisionReason: string | null;
            serverIds: string[];
            people: components["schemas"]["VisitPersonInput"][];
            rosterAt?: string | null;
        };
        VisitList: {
            items: components["schemas"]["Visit"][];
        };
        VisitListInput: {
            items: components["schemas"]["VisitInput"][];
        };
        VisitPerson: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            memberId: string;
            name: string;
            role: string;
            idDocumentType: ("resident_id" | "passport" | "hk_macau_permit" | "taiwan_permit" | "other") | null;
            idLast4: string | null;
            escort: string | null;
            checkedInAt: (string) | null;
            checkedOutAt: (string) | null;
            refusedAt: (string) | null;
            refusal: string | null;
            onRosterAtVisit?: boolean;
            onRosterNow?: boolean;
        };
        VisitPersonInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            memberId: string;
            name: string;
            role: string;
            idDocumentType: ("resident_id" | "passport" | "hk_macau_permit" | "taiwan_permit" | "other") | null;
            idLast4: string | null;
            escort: string | null;
            checkedInAt: string | null;
            checkedOutAt: string | null;
            refusedAt: string | null;
            refusal: string | null;
            onRosterAtVisit?: boolean;
            onRosterNow?: boolean;
        };
        VisitReport: {
            from: string;
            to: string;
            customers: {
                /** Format: uuid */
                customerId: string;
                customerName: string;
                visits: number;
                approved: number;
                people: number;
            }[];
            rooms: {
                /** Format: uuid */
                roomId: string;
                roomName: string;
                siteName: string;
                visits: number;
                approved: number;
                people: number;
            }[];
        };
        VisitReportInput: {
            from: string;
            to: string;
            customers: {
                /** Format: uuid */
                customerId: string;
                customerName: string;
                visits: number;
                approved: number;
                people: number;
            }[];
            rooms: {
                /** Format: uuid */
                roomId: string;
                roomName: string;
                siteName: string;
                visits: number;
                approved: number;
                people: number;
            }[];
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
