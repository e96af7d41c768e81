import { SECTIONS, type Section } from '../../shared/api';

/** Navbar order is the menu order declared in shared/api; labels are `common:nav.<section>`. */
export const NAV_SECTIONS: readonly Section[] = SECTIONS;

export function sectionPath(section: Section): string {
  return `/${section}`;
}
