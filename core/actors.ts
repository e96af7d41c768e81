import type { StaffRole } from '../shared/domain';

/** The actor of what the app does by itself (seeding the catalog), of the app before sign-in and of tools that do not say who acts; no staff login may take it (RESERVED_LOGINS). */
export const SYSTEM_ACTOR = 'system';

/**
 * The role when createStore is not told one: tools and tests that run the
 * core directly act with every right. The app never relies on it: it
 * passes the signed-in person's role (operator until someone signs in,
 * which is enough for the first-start setup, createFirstAdmin).
 */
export const DEFAULT_STAFF_ROLE: StaffRole = 'admin';
