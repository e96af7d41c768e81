import { z } from 'zod';
import { codePointLength, textSchema, TEXT_LIMITS } from './inputs';
import { idSchema, isoDateTimeSchema } from './primitives';

export const STAFF_ROLES = ['operator', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A person who works in the back office (docs/staff.md). `passwordHash` is
 * `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` (core/passwords.ts);
 * it never leaves the core: commands, queries and signIn return a
 * StaffMember. `failedAttempts` counts wrong passwords in a row;
 * `lockedUntil` is set by the third and refuses sign-in until then.
 */
export const staffUserSchema = z.object({
  id: idSchema,
  login: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(STAFF_ROLES),
  passwordHash: z.string(),
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: isoDateTimeSchema.nullable(),
  active: z.boolean(),
  createdAt: isoDateTimeSchema,
  passwordChangedAt: isoDateTimeSchema,
  /** The last successful sign-in (null: never signed in). */
  lastSignInAt: isoDateTimeSchema.nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;

/** A staff user as everything outside the core sees it: without the password hash. */
export type StaffMember = Omit<StaffUser, 'passwordHash'>;

export function staffMemberOf(user: StaffUser): StaffMember {
  const { passwordHash: _hash, ...member } = user;
  return member;
}

// ---------------------------------------------------------------------------
// Input rules (shared by the core's commands and the screens' forms)

/** A login: a letter or digit, then letters, digits, '.', '_' or '-'; 2 to 32 characters, after trimming and lower-casing. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

/** Passwords: at least 8 Unicode code points (domain-rules §6), at most 256 (a pass phrase fits; hashing cost stays bounded). */
export const PASSWORD_LIMITS = { min: 8, max: 256 } as const;

/** Three wrong passwords in a row lock the login for 15 minutes from the third (003). */
export const SIGN_IN_LOCKOUT = { attempts: 3, minutes: 15 } as const;

/** The idle time after which the app locks the screen, in minutes (Settings, admin). */
export const IDLE_LOCK_LIMITS = { min: 1, max: 240, default: 15 } as const;

/** What a login is compared as: trimmed, lower case. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

/** Logins nobody may take: 'system' is the actor of what the app does by itself (core/actors.ts SYSTEM_ACTOR) and of the app before sign-in. */
export const RESERVED_LOGINS: readonly string[] = ['system'];

/** A new login: trimmed, lower-cased, then LOGIN_PATTERN; not a reserved one. */
export const staffLoginInputSchema = z
  .string({ error: 'errors:staff.loginInvalid' })
  .transform(normalizeLogin)
  .refine((login) => LOGIN_PATTERN.test(login), { error: 'errors:staff.loginInvalid' })
  .refine((login) => !RESERVED_LOGINS.includes(login), { error: 'errors:staff.loginReserved' });

/** A staff member's full name, trimmed like every text. */
export const staffNameInputSchema = textSchema({ max: TEXT_LIMITS.personName, requiredCode: 'errors:staff.nameRequired' });

export const staffRoleInputSchema = z.enum(STAFF_ROLES, { error: 'errors:staff.roleInvalid' });

/**
 * A new password, taken as typed: never trimmed or normalised (what is typed
 * at sign-in is compared byte for byte). Length in code points.
 */
export const newPasswordInputSchema = z.string({ error: 'errors:staff.passwordTooShort' }).superRefine((password, ctx) => {
  const length = codePointLength(password);
  if (length < PASSWORD_LIMITS.min) ctx.addIssue({ code: 'custom', message: 'errors:staff.passwordTooShort', params: { min: PASSWORD_LIMITS.min } });
  else if (length > PASSWORD_LIMITS.max) ctx.addIssue({ code: 'custom', message: 'errors:staff.passwordTooLong', params: { max: PASSWORD_LIMITS.max } });
});

export const idleLockMinutesInputSchema = z.number({ error: 'errors:staff.idleLockRange' }).superRefine((minutes, ctx) => {
  if (!Number.isInteger(minutes) || minutes < IDLE_LOCK_LIMITS.min || minutes > IDLE_LOCK_LIMITS.max) {
    ctx.addIssue({ code: 'custom', message: 'errors:staff.idleLockRange', params: { min: IDLE_LOCK_LIMITS.min, max: IDLE_LOCK_LIMITS.max } });
  }
});

/** The `security` setting. */
export interface SecuritySettings {
  idleLockMinutes: number;
}
