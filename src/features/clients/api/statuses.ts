// Kept free of imports so tests outside the SPA (tests/clients) can use the list helpers as they are.

/** The values of public.client_status, in its order (schemas.ts checks them against the generated types). */
export const CLIENT_STATUSES = ['lead', 'active', 'inactive', 'archived'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
