import { z } from 'zod';
import {
  IDLE_LOCK_LIMITS,
  SIGN_IN_LOCKOUT,
  idleLockMinutesInputSchema,
  staffLoginInputSchema,
  newPasswordInputSchema,
  normalizeLogin,
  staffMemberOf,
  staffNameInputSchema,
  staffRoleInputSchema,
  type SecuritySettings,
  type StaffMember,
  type StaffUser,
} from '../../shared/domain';
import { CommandError } from '../errors';
import { newId } from '../ids';
import { hashPassword, saltForOperation, verifyAgainstNothing, verifyPassword } from '../passwords';
import { asCommandFailure, defineCommand, inCommandTransaction, refSchema, type CoreContext, type PrepareContext } from '../registry';
import type { CommandTx, Reader } from '../tx';

/**
 * Staff users, passwords and sign-in (domain-rules §6 "Staff and roles",
 * docs/staff.md). A password is turned into its slow hash by the command's
 * prepare step, outside the transaction and before the fingerprint, so it
 * never reaches the operation record, the audit or the outbox; the results
 * are StaffMembers (no hash).
 */

/** The setting that holds SecuritySettings. */
export const SECURITY_SETTING = 'security';

const staffRef = (member: StaffMember) => ({ table: 'staff' as const, id: member.id });

async function loadStaff(tx: Reader, staffId: string): Promise<StaffUser> {
  const staff = await tx.read.staff.get(staffId);
  if (!staff) throw new CommandError('errors:staff.notFound', { field: 'staffId' });
  return staff;
}

function staffByLogin(tx: Reader, login: string): Promise<StaffUser | undefined> {
  return tx.read.staff.where('login').equals(login).first();
}

async function assertLoginFree(tx: CommandTx, login: string): Promise<void> {
  if (await staffByLogin(tx, login)) throw new CommandError('errors:staff.loginTaken', { field: 'login', params: { login } });
}

/** Refuses a change that would leave no active admin: `staff` stops being one. */
async function assertNotLastAdmin(tx: CommandTx, staff: StaffUser): Promise<void> {
  if (staff.role !== 'admin' || !staff.active) return;
  const others = await tx.read.staff.filter((s) => s.role === 'admin' && s.active && s.id !== staff.id).count();
  if (others === 0) throw new CommandError('errors:staff.lastAdmin', { field: 'staffId' });
}

/** Replaces `password` by its hash, salted from the operation id (passwords.ts saltForOperation). */
async function hashingPassword<T extends { password: string }>(input: T, ctx: PrepareContext): Promise<Omit<T, 'password'> & { passwordHash: string }> {
  const { password, ...rest } = input;
  return { ...rest, passwordHash: await hashPassword(password, await saltForOperation(ctx.opId)) };
}

async function insertStaff(tx: CommandTx, input: { login: string; name: string; role: StaffUser['role']; passwordHash: string }): Promise<StaffMember> {
  await assertLoginFree(tx, input.login);
  const staff: StaffUser = {
    id: newId(),
    login: input.login,
    name: input.name,
    role: input.role,
    passwordHash: input.passwordHash,
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: tx.meta.at,
    passwordChangedAt: tx.meta.at,
    lastSignInAt: null,
  };
  return staffMemberOf(await tx.insert('staff', staff));
}

async function updateStaff(tx: CommandTx, before: StaffUser, after: StaffUser): Promise<StaffMember> {
  return staffMemberOf(await tx.update('staff', before, after));
}

const newStaffInput = z.object({ login: staffLoginInputSchema, name: staffNameInputSchema, password: newPasswordInputSchema });

/**
 * The first start: creates the first admin before anyone can sign in (so
 * the least role runs it), refused once any staff user exists.
 */
export const createFirstAdmin = defineCommand({
  name: 'createFirstAdmin',
  role: 'operator',
  input: newStaffInput,
  ref: staffRef,
  prepare: (input, ctx) => hashingPassword(input, ctx),
  run: async (tx, input): Promise<StaffMember> => {
    if ((await tx.read.staff.count()) > 0) throw new CommandError('errors:staff.setupDone');
    return insertStaff(tx, { ...input, role: 'admin' });
  },
});

export const createStaffUser = defineCommand({
  name: 'createStaffUser',
  role: 'admin',
  input: newStaffInput.extend({ role: staffRoleInputSchema }),
  ref: staffRef,
  prepare: (input, ctx) => hashingPassword(input, ctx),
  run: (tx, input): Promise<StaffMember> => insertStaff(tx, input),
});

const staffIdSchema = refSchema('errors:staff.notFound');

/** The last active admin cannot be demoted. */
export const changeStaffRole = defineCommand({
  name: 'changeStaffRole',
  role: 'admin',
  input: z.object({ staffId: staffIdSchema, role: staffRoleInputSchema }),
  ref: staffRef,
  run: async (tx, input): Promise<StaffMember> => {
    const before = await loadStaff(tx, input.staffId);
    if (input.role !== 'admin') await assertNotLastAdmin(tx, before);
    return updateStaff(tx, before, { ...before, role: input.role });
  },
});

/** Deactivates or reactivates a login. Nobody deactivates themselves; the last active admin stays. */
export const setStaffActive = defineCommand({
  name: 'setStaffActive',
  role: 'admin',
  input: z.object({ staffId: staffIdSchema, active: z.boolean({ error: 'errors:validation.invalid' }) }),
  ref: staffRef,
  run: async (tx, input): Promise<StaffMember> => {
    const before = await loadStaff(tx, input.staffId);
    if (!input.active) {
      if (before.login === tx.meta.actor) throw new CommandError('errors:staff.selfDeactivate', { field: 'staffId' });
      await assertNotLastAdmin(tx, before);
    }
    return updateStaff(tx, before, { ...before, active: input.active });
  },
});

/** An admin sets a new password; the failed attempts and any lock are cleared. */
export const resetStaffPassword = defineCommand({
  name: 'resetStaffPassword',
  role: 'admin',
  input: z.object({ staffId: staffIdSchema, password: newPasswordInputSchema }),
  ref: staffRef,
  prepare: (input, ctx) => hashingPassword(input, ctx),
  run: async (tx, input): Promise<StaffMember> => {
    const before = await loadStaff(tx, input.staffId);
    return updateStaff(tx, before, { ...before, passwordHash: input.passwordHash, passwordChangedAt: tx.meta.at, failedAttempts: 0, lockedUntil: null });
  },
});

interface OwnPasswordChange {
  /** The current password's slow hash with a salt of this operation: what the fingerprint knows of it. */
  currentProof: string;
  passwordHash: string;
  /** The stored hash the current password was checked against; null on a repeat of a recorded operation (not checked again). */
  checkedHash: string | null;
}

/**
 * The acting login changes its own password, giving the current one. The
 * check needs the stored hash and a slow derivation, so it runs in the
 * prepare step, outside the transaction; the body then refuses if the
 * stored hash changed in between. A repeat of a recorded operation is not
 * checked again (the password is no longer the current one): the
 * fingerprint, which covers the current password's proof and the new
 * hash, decides between the first result and a conflict.
 */
export const changeOwnPassword = defineCommand({
  name: 'changeOwnPassword',
  role: 'operator',
  input: z.object({ currentPassword: z.string({ error: 'errors:staff.wrongCurrentPassword' }), newPassword: newPasswordInputSchema }),
  ref: staffRef,
  prepare: async (input, ctx): Promise<OwnPasswordChange> => {
    const [currentProof, passwordHash, recorded, staff] = await Promise.all([
      saltForOperation(ctx.opId, 'esep-staff-current').then((salt) => hashPassword(input.currentPassword, salt)),
      saltForOperation(ctx.opId).then((salt) => hashPassword(input.newPassword, salt)),
      ctx.db.operations.get(ctx.opId),
      ctx.db.staff.where('login').equals(ctx.actor).first(),
    ]);
    if (recorded) return { currentProof, passwordHash, checkedHash: null };
    if (!staff) throw new CommandError('errors:staff.notFound');
    if (!(await verifyPassword(input.currentPassword, staff.passwordHash))) throw new CommandError('errors:staff.wrongCurrentPassword', { field: 'currentPassword' });
    return { currentProof, passwordHash, checkedHash: staff.passwordHash };
  },
  fingerprinted: ({ currentProof, passwordHash }) => ({ currentProof, passwordHash }),
  run: async (tx, input): Promise<StaffMember> => {
    const before = await staffByLogin(tx, tx.meta.actor);
    if (!before) throw new CommandError('errors:staff.notFound');
    if (!before.active) throw new CommandError('errors:staff.inactive');
    if (input.checkedHash === null || before.passwordHash !== input.checkedHash) throw new CommandError('errors:staff.wrongCurrentPassword', { field: 'currentPassword' });
    return updateStaff(tx, before, { ...before, passwordHash: input.passwordHash, passwordChangedAt: tx.meta.at, failedAttempts: 0, lockedUntil: null });
  },
});

export const updateSecuritySettings = defineCommand({
  name: 'updateSecuritySettings',
  role: 'admin',
  input: z.object({ idleLockMinutes: idleLockMinutesInputSchema }),
  ref: () => ({ table: 'settings', id: SECURITY_SETTING }),
  run: async (tx, input): Promise<SecuritySettings> => {
    const settings: SecuritySettings = { idleLockMinutes: input.idleLockMinutes };
    await tx.putSetting(SECURITY_SETTING, settings);
    return settings;
  },
});

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = { idleLockMinutes: IDLE_LOCK_LIMITS.default };

// ---------------------------------------------------------------------------
// Sign-in

const LOCK_MS = SIGN_IN_LOCKOUT.minutes * 60_000;

/** Longer than any password a person types: a longer one is refused unread (it could not be right). */
const MAX_SIGN_IN_PASSWORD = 4096;

const signInInput = z.object({ login: z.string().max(200), password: z.string().max(MAX_SIGN_IN_PASSWORD) });

function isLocked(staff: StaffUser, nowMs: number): boolean {
  return staff.lockedUntil !== null && Date.parse(staff.lockedUntil) > nowMs;
}

function lockedError(until: string, nowMs: number): CommandError {
  return new CommandError('errors:staff.locked', { params: { until, minutes: Math.ceil((Date.parse(until) - nowMs) / 60_000) } });
}

const signInFailed = () => new CommandError('errors:staff.signInFailed');

type Attempt = { ok: true; member: StaffMember } | { ok: false; error: CommandError };

/**
 * Records the outcome of a checked password in its own transaction (no
 * operation record): a wrong one counts, and the third in a row locks the
 * login for 15 minutes; a right one clears the count and stamps the
 * sign-in. The row is read again inside: when its hash changed since the
 * check, nothing is recorded; when a concurrent attempt locked it, the lock
 * answers.
 */
function recordAttempt(ctx: CoreContext, checked: StaffUser, passwordRight: boolean, now: Date): Promise<Attempt> {
  const nowMs = now.getTime();
  const at = now.toISOString();
  return inCommandTransaction(ctx.db, { command: 'signIn', opId: `signIn-${newId()}`, actor: checked.login, at }, async (tx): Promise<Attempt> => {
    const before = await tx.read.staff.get(checked.id);
    if (!before || before.passwordHash !== checked.passwordHash) return { ok: false, error: signInFailed() };
    if (isLocked(before, nowMs)) return { ok: false, error: lockedError(before.lockedUntil!, nowMs) };
    if (passwordRight) {
      if (!before.active) return { ok: false, error: new CommandError('errors:staff.inactive') };
      const member = await updateStaff(tx, before, { ...before, failedAttempts: 0, lockedUntil: null, lastSignInAt: at });
      return { ok: true, member };
    }
    // A lock that has run out is over: counting starts again.
    const failedAttempts = (before.lockedUntil === null ? before.failedAttempts : 0) + 1;
    const lockedUntil = failedAttempts >= SIGN_IN_LOCKOUT.attempts ? new Date(nowMs + LOCK_MS).toISOString() : null;
    await updateStaff(tx, before, { ...before, failedAttempts, lockedUntil });
    return { ok: false, error: lockedUntil === null ? signInFailed() : lockedError(lockedUntil, nowMs) };
  });
}

/**
 * §6 signIn: not a command (no operation id, no operation record). An
 * unknown login and a wrong password get the same refusal after the same
 * work (one PBKDF2 derivation each). A locked login is refused before its
 * password is checked, right or wrong, and the attempt changes nothing. A
 * deactivated login is told so only once the password is right. The third
 * wrong password in a row answers with the lock it starts.
 */
export async function signIn(ctx: CoreContext, rawInput: unknown): Promise<StaffMember> {
  try {
    const parsed = signInInput.safeParse(rawInput);
    if (!parsed.success) throw signInFailed();
    const login = normalizeLogin(parsed.data.login);
    const staff = login === '' ? undefined : await ctx.db.staff.where('login').equals(login).first();
    if (!staff) {
      await verifyAgainstNothing(parsed.data.password);
      throw signInFailed();
    }
    const now = ctx.now();
    if (isLocked(staff, now.getTime())) throw lockedError(staff.lockedUntil!, now.getTime());
    const right = await verifyPassword(parsed.data.password, staff.passwordHash);
    const attempt = await recordAttempt(ctx, staff, right, now);
    if (!attempt.ok) throw attempt.error;
    return attempt.member;
  } catch (error) {
    throw asCommandFailure(error);
  }
}
