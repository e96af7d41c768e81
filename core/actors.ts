import type { StaffRole } from '../shared/domain';

/** The actor of what the app does by itself (seeding the catalog) and of tools that do not say who acts. */
export const SYSTEM_ACTOR = 'system';

/**
 * The role when createStore is not told one. Until staff sign-in exists the
 * desktop has one implicit user with every right; createStore callers that
 * know the person pass `role`.
 */
export const DEFAULT_STAFF_ROLE: StaffRole = 'admin';
