import { SECTIONS, type Section } from '../../shared/api';
import type { StaffRole } from '../../shared/domain';
import { roleAllows } from '../../core';

/** Navbar order is the menu order declared in shared/api; labels are `common:nav.<section>`. */
export const NAV_SECTIONS: readonly Section[] = SECTIONS;

/**
 * The least role that sees a section in the navbar (operator when not
 * listed). Keyed by name so that a section can be listed here before it
 * joins SECTIONS. The routes behind them check again (RequireRole).
 */
const SECTION_ROLES: Readonly<Record<string, StaffRole>> = { audit: 'manager' };

export function sectionRole(section: Section): StaffRole {
  return SECTION_ROLES[section] ?? 'operator';
}

/** The sections `role` sees, in navbar order. */
export function sectionsFor(role: StaffRole): Section[] {
  return NAV_SECTIONS.filter((section) => roleAllows(role, sectionRole(section)));
}

export function sectionPath(section: Section): string {
  return `/${section}`;
}
