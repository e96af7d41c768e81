import { staffMemberOf, type SecuritySettings, type StaffMember } from '../../shared/domain';
import { DEFAULT_SECURITY_SETTINGS, SECURITY_SETTING } from '../commands/staff';
import type { AppDatabase } from '../db';

/** Every staff user without the password hash, by login. */
export async function listStaff(db: AppDatabase): Promise<StaffMember[]> {
  return (await db.staff.orderBy('login').toArray()).map(staffMemberOf);
}

/** Whether the first admin exists (false: the app shows the setup screen). */
export async function hasStaff(db: AppDatabase): Promise<boolean> {
  return (await db.staff.limit(1).count()) > 0;
}

/** The idle-lock time; the default until an admin sets one. */
export async function getSecuritySettings(db: AppDatabase): Promise<SecuritySettings> {
  const stored = (await db.settings.get(SECURITY_SETTING))?.value as Partial<SecuritySettings> | undefined;
  return { ...DEFAULT_SECURITY_SETTINGS, ...stored };
}
