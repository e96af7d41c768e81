import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandError, SYSTEM_ACTOR, createStore, type CoreTransport, type StaffMember, type StaffRole, type Store } from '../../core';
import { RESERVED_LOGINS } from '../../shared/domain';
import { COMMANDS } from '../../core/commands';
import { PASSWORD_HASH, constantTimeEqual, parsePasswordHash, saltForOperation, toBase64, verifyPassword } from '../../core/passwords';
import { ROLE_RANK, fingerprintOf } from '../../core/registry';
import { REDACTED } from '../../core/tx';
import { auditOf, commandErrorOf, freshDatabase, opId, outboxOf, tableCounts } from './helpers';

/**
 * Staff users, passwords and sign-in (domain-rules §6 "Staff and roles",
 * docs/staff.md), as worked examples: the clock is pinned and moved between
 * steps, and the person acting (login and role) changes as in the office.
 * Every PBKDF2 derivation costs ~0.1–0.3 s, so each test hashes only what
 * its rule needs.
 */

interface StaffStore extends Store {
  setNow(iso: string): void;
  actAs(login: string, role: StaffRole): void;
}

/** A store at `now`, acting as nobody yet (the app before sign-in: actor 'system', role operator). */
async function officeStore(now = '2026-03-02T09:00:00+05:00', transport?: (handler: CoreTransport) => CoreTransport): Promise<StaffStore> {
  let current = new Date(now);
  let actor = 'system';
  let role: StaffRole = 'operator';
  const store = createStore(freshDatabase(), { now: () => current, actor: () => actor, role: () => role }, transport);
  await store.ensureCatalog();
  return Object.assign(store, {
    setNow: (iso: string) => (current = new Date(iso)),
    actAs: (login: string, asRole: StaffRole) => {
      actor = login;
      role = asRole;
    },
  });
}

const ADMIN_PASSWORD = 'Тұмар-2026!';
const OPERATOR_PASSWORD = 'korzhyn.kz';

/** The first admin 'aigerim', signed in (the store acts as her). */
async function withFirstAdmin(now?: string): Promise<{ store: StaffStore; admin: StaffMember }> {
  const store = await officeStore(now);
  const admin = await store.createFirstAdmin({ login: 'aigerim', name: 'Айгерім Қасымова', password: ADMIN_PASSWORD, opId: opId() });
  store.actAs('aigerim', 'admin');
  return { store, admin };
}

function addOperator(store: StaffStore, login = 'bolat', password = OPERATOR_PASSWORD): Promise<StaffMember> {
  return store.createStaffUser({ login, name: 'Болат Сейітов', role: 'operator', password, opId: opId() });
}

async function storedHash(store: Store, login: string): Promise<string> {
  return (await store.db.staff.where('login').equals(login).first())!.passwordHash;
}

async function staffRow(store: Store, login: string) {
  const { passwordHash: _hash, ...row } = (await store.db.staff.where('login').equals(login).first())!;
  return row;
}

async function sha256Forms(text: string): Promise<string[]> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), toBase64(digest)];
}

/** Everything the operation, audit and outbox tables hold, as text. */
async function journalText(store: Store): Promise<Record<'operations' | 'audit' | 'outbox', string>> {
  const { db } = store;
  return { operations: JSON.stringify(await db.operations.toArray()), audit: JSON.stringify(await db.audit.toArray()), outbox: JSON.stringify(await db.outbox.toArray()) };
}

async function signInError(store: Store, login: string, password: string) {
  return commandErrorOf(store.signIn({ login, password }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('first start', () => {
  it('creates the first admin before anyone is signed in, then refuses a second setup and writes nothing', async () => {
    const store = await officeStore('2026-03-02T09:00:00+05:00');
    expect(await store.hasStaff()).toBe(false);
    const admin = await store.createFirstAdmin({ login: '  Aigerim.K ', name: '  Айгерім Қасымова\u200B ', password: ADMIN_PASSWORD, opId: 'setup' });
    expect(admin).toEqual({
      id: admin.id,
      login: 'aigerim.k',
      name: 'Айгерім Қасымова',
      role: 'admin',
      active: true,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: '2026-03-02T04:00:00.000Z',
      passwordChangedAt: '2026-03-02T04:00:00.000Z',
      lastSignInAt: null,
    });
    expect(await store.hasStaff()).toBe(true);
    expect(await store.listStaff()).toEqual([admin]);

    // The stored hash: PBKDF2-SHA-256, 600 000 iterations, a 16-byte salt (from the operation id), a 32-byte key; it verifies.
    const hash = await storedHash(store, 'aigerim.k');
    expect(hash).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const parsed = parsePasswordHash(hash)!;
    expect([parsed.iterations, parsed.salt.length, parsed.hash.length]).toEqual([PASSWORD_HASH.iterations, 16, 32]);
    expect(parsed.salt).toEqual(await saltForOperation('setup'));
    expect(await verifyPassword(ADMIN_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${ADMIN_PASSWORD} `, hash)).toBe(false);

    const before = await tableCounts(store);
    const staffBefore = await store.db.staff.toArray();
    expect(await commandErrorOf(store.createFirstAdmin({ login: 'hacker', name: 'Кто-то', password: 'password-1', opId: opId() }))).toMatchObject({
      code: 'errors:staff.setupDone',
    });
    expect(await tableCounts(store)).toEqual(before);
    expect(await store.db.staff.toArray()).toEqual(staffBefore);
  });

  it('the first admin signs in; the sign-in is stamped and audited under her login, with no operation record', async () => {
    const store = await officeStore('2026-03-02T09:00:00+05:00');
    await store.createFirstAdmin({ login: 'aigerim', name: 'Айгерім Қасымова', password: ADMIN_PASSWORD, opId: 'setup' });
    const operations = await store.db.operations.count();
    store.setNow('2026-03-02T09:05:00+05:00');
    const member = await store.signIn({ login: ' AIGERIM ', password: ADMIN_PASSWORD });
    expect(member).toMatchObject({ login: 'aigerim', role: 'admin', lastSignInAt: '2026-03-02T04:05:00.000Z' });
    expect(member).not.toHaveProperty('passwordHash');
    expect(await store.db.operations.count()).toBe(operations);
    const audit = await auditOf(store, member.id);
    expect(audit.map(({ command, actor, at }) => ({ command, actor, at }))).toEqual([
      { command: 'createFirstAdmin', actor: 'system', at: '2026-03-02T04:00:00.000Z' },
      { command: 'signIn', actor: 'aigerim', at: '2026-03-02T04:05:00.000Z' },
    ]);
    expect(audit[1]).toMatchObject({ before: { lastSignInAt: null }, after: { lastSignInAt: '2026-03-02T04:05:00.000Z' } });
  });

  it('signIn crosses the message boundary like the commands: a member back, a refusal with its parameters', async () => {
    const cloning = (handler: CoreTransport): CoreTransport => async (request) => structuredClone(await handler(structuredClone(request)));
    const store = await officeStore('2026-03-02T09:00:00+05:00', cloning);
    await store.createFirstAdmin({ login: 'aigerim', name: 'Айгерім Қасымова', password: ADMIN_PASSWORD, opId: opId() });
    expect(await store.signIn({ login: 'aigerim', password: ADMIN_PASSWORD })).toMatchObject({ login: 'aigerim', role: 'admin' });
    await store.db.staff.where('login').equals('aigerim').modify({ lockedUntil: '2026-03-02T04:10:00.000Z', failedAttempts: 3 });
    const error = await signInError(store, 'aigerim', ADMIN_PASSWORD);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'errors:staff.locked', params: { until: '2026-03-02T04:10:00.000Z', minutes: 10 } });
  });
});

describe('staff users', () => {
  it('only an admin creates staff users: an operator and a manager are refused and nothing is written', async () => {
    const { store } = await withFirstAdmin();
    for (const role of ['operator', 'manager'] as const) {
      store.actAs('someone', role);
      const before = await tableCounts(store);
      const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
      expect(await commandErrorOf(addOperator(store))).toMatchObject({ code: 'errors:role.forbidden', params: { role: 'admin' } });
      // Refused before the password is even hashed.
      expect(deriveBits).not.toHaveBeenCalled();
      deriveBits.mockRestore();
      expect(await tableCounts(store)).toEqual(before);
      expect(await store.db.staff.count()).toBe(1);
    }
    store.actAs('aigerim', 'admin');
    const bolat = await addOperator(store);
    expect(bolat).toMatchObject({ login: 'bolat', name: 'Болат Сейітов', role: 'operator', active: true });
    expect((await store.listStaff()).map((s) => s.login)).toEqual(['aigerim', 'bolat']);
  });

  it('refuses a short password (in code points), a malformed login, a blank name, an unknown role', async () => {
    const { store } = await withFirstAdmin();
    const base = { login: 'dana', name: 'Дана Ахметова', role: 'operator' as const, password: 'long-enough' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ password: 'Қазақ12' }, 'errors:staff.passwordTooShort', 'password'], // 7 letters
      [{ password: '😀😀😀😀' }, 'errors:staff.passwordTooShort', 'password'], // 8 UTF-16 units, 4 code points
      [{ password: 'x'.repeat(257) }, 'errors:staff.passwordTooLong', 'password'],
      [{ login: 'd' }, 'errors:staff.loginInvalid', 'login'],
      [{ login: 'dana ahmet' }, 'errors:staff.loginInvalid', 'login'],
      [{ login: '.dana' }, 'errors:staff.loginInvalid', 'login'],
      [{ login: 'дана' }, 'errors:staff.loginInvalid', 'login'],
      [{ login: 'd'.repeat(33) }, 'errors:staff.loginInvalid', 'login'],
      [{ login: ' System ' }, 'errors:staff.loginReserved', 'login'],
      [{ name: ' \u200B ' }, 'errors:staff.nameRequired', 'name'],
      [{ role: 'root' }, 'errors:staff.roleInvalid', 'role'],
    ];
    expect(RESERVED_LOGINS).toContain(SYSTEM_ACTOR);
    const before = await tableCounts(store);
    for (const [override, code, field] of cases) {
      expect(await commandErrorOf(store.createStaffUser({ ...base, ...override, opId: opId() } as never))).toMatchObject({ code, field });
    }
    expect(await tableCounts(store)).toEqual(before);
    // Exactly eight code points is enough.
    expect(await store.createStaffUser({ ...base, password: 'Қазақ123', opId: opId() })).toMatchObject({ login: 'dana' });
  });

  it('logins are unique whatever their case: a duplicate is refused with nothing written', async () => {
    const { store } = await withFirstAdmin();
    await addOperator(store, 'Bolat');
    const before = await tableCounts(store);
    expect(await commandErrorOf(addOperator(store, ' BOLAT '))).toMatchObject({ code: 'errors:staff.loginTaken', field: 'login', params: { login: 'bolat' } });
    expect(await tableCounts(store)).toEqual(before);
  });

  it('a repeated operation id returns the first result; with another password or login it is refused as a conflict', async () => {
    const { store } = await withFirstAdmin();
    const input = { login: 'bolat', name: 'Болат Сейітов', role: 'operator' as const, password: OPERATOR_PASSWORD, opId: 'add-bolat' };
    const first = await store.createStaffUser(input);
    // The fingerprint covers the slow hash in the password's place, never the password.
    const { opId: _op, password: _password, ...rest } = input;
    const fingerprint = (await store.db.operations.get('add-bolat'))!.fingerprint;
    expect(fingerprint).toBe(await fingerprintOf('createStaffUser', { ...rest, passwordHash: await storedHash(store, 'bolat') }));
    const counts = await tableCounts(store);
    store.setNow('2026-03-02T09:30:00+05:00');
    expect(await store.createStaffUser(input)).toEqual(first);
    expect(await tableCounts(store)).toEqual(counts);
    expect(await commandErrorOf(store.createStaffUser({ ...input, password: 'another-password' }))).toMatchObject({ code: 'errors:operation.conflict' });
    expect(await commandErrorOf(store.createStaffUser({ ...input, login: 'bolat2' }))).toMatchObject({ code: 'errors:operation.conflict' });
    expect(await tableCounts(store)).toEqual(counts);
  });

  it('no password, nor its plain SHA-256, nor its hash is kept in the operations or the audit; the outbox carries only the slow hash', async () => {
    const { store } = await withFirstAdmin();
    const bolat = await addOperator(store);
    await store.resetStaffPassword({ staffId: bolat.id, password: 'reset-by-admin', opId: opId() });
    store.actAs('bolat', 'operator');
    await store.changeOwnPassword({ currentPassword: 'reset-by-admin', newPassword: 'chosen-by-bolat', opId: opId() });
    await signInError(store, 'bolat', 'typed-wrong-once');

    const journal = await journalText(store);
    for (const secret of [ADMIN_PASSWORD, OPERATOR_PASSWORD, 'reset-by-admin', 'chosen-by-bolat', 'typed-wrong-once']) {
      for (const form of [secret, ...(await sha256Forms(secret))]) {
        for (const [table, text] of Object.entries(journal)) expect(text.includes(form), `${table} holds ${form}`).toBe(false);
      }
    }
    const hashes = [await storedHash(store, 'aigerim'), await storedHash(store, 'bolat')];
    for (const hash of hashes) {
      expect(journal.operations.includes(hash)).toBe(false);
      expect(journal.audit.includes(hash)).toBe(false);
    }
    // Every operation's result is a StaffMember: no hash field at all.
    for (const operation of (await store.db.operations.toArray()).filter((o) => o.resultRef?.table === 'staff')) {
      expect(operation.result).not.toHaveProperty('passwordHash');
    }
    // The audit says that the hash changed, never what it is.
    const changes = (await auditOf(store, bolat.id)).map(({ command, before, after }) => ({ command, before: before?.passwordHash, after: after.passwordHash }));
    expect(changes).toEqual([
      { command: 'createStaffUser', before: undefined, after: REDACTED },
      { command: 'resetStaffPassword', before: REDACTED, after: REDACTED },
      { command: 'changeOwnPassword', before: REDACTED, after: REDACTED },
      { command: 'signIn', before: undefined, after: undefined },
    ]);
    // The outbox syncs the record with its slow hash (other desktops must sign the person in), as the staff table holds it.
    const synced = await outboxOf(store, 'staff', bolat.id);
    expect(synced.at(-2)).toMatchObject({ command: 'changeOwnPassword', changes: { passwordHash: { new: hashes[1] } } });
  });
});

describe('sign-in and the lockout (003: three wrong passwords, 15 minutes)', () => {
  it('three wrong passwords lock the login for 15 minutes from the third; while locked even the right one is refused and the lock does not move; at the end it works and the count is reset', async () => {
    const { store } = await withFirstAdmin('2026-03-02T09:00:00+05:00');
    await addOperator(store);
    store.actAs('system', 'operator');

    store.setNow('2026-03-02T10:00:00+05:00');
    expect(await signInError(store, 'bolat', 'wrong-1')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 1, lockedUntil: null });
    store.setNow('2026-03-02T10:01:00+05:00');
    expect(await signInError(store, 'bolat', 'wrong-2')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 2, lockedUntil: null });
    store.setNow('2026-03-02T10:02:00+05:00');
    // The third answers with the lock it starts: until 10:17 Almaty (05:17 UTC), 15 minutes.
    expect(await signInError(store, 'bolat', 'wrong-3')).toMatchObject({ code: 'errors:staff.locked', params: { until: '2026-03-02T05:17:00.000Z', minutes: 15 } });
    const locked = await staffRow(store, 'bolat');
    expect(locked).toMatchObject({ failedAttempts: 3, lockedUntil: '2026-03-02T05:17:00.000Z' });

    // While locked: the right password is refused, minutes left rounded up, nothing written (the lock is not extended).
    const counts = await tableCounts(store);
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    store.setNow('2026-03-02T10:10:30+05:00');
    expect(await signInError(store, 'bolat', OPERATOR_PASSWORD)).toMatchObject({ code: 'errors:staff.locked', params: { until: '2026-03-02T05:17:00.000Z', minutes: 7 } });
    // Refused before the password is looked at: a locked login is no oracle.
    expect(deriveBits).not.toHaveBeenCalled();
    store.setNow('2026-03-02T10:16:59+05:00');
    expect(await signInError(store, 'bolat', 'wrong-4')).toMatchObject({ code: 'errors:staff.locked', params: { minutes: 1 } });
    expect(await staffRow(store, 'bolat')).toEqual(locked);
    expect(await tableCounts(store)).toEqual(counts);

    store.setNow('2026-03-02T10:17:00+05:00');
    expect(await store.signIn({ login: 'bolat', password: OPERATOR_PASSWORD })).toMatchObject({ failedAttempts: 0, lockedUntil: null, lastSignInAt: '2026-03-02T05:17:00.000Z' });
    // Each attempt that counted is in the audit under the login tried.
    const audit = (await auditOf(store, locked.id)).filter((e) => e.command === 'signIn');
    expect(audit.map(({ actor, at, after }) => ({ actor, at, after }))).toEqual([
      { actor: 'bolat', at: '2026-03-02T05:00:00.000Z', after: { failedAttempts: 1 } },
      { actor: 'bolat', at: '2026-03-02T05:01:00.000Z', after: { failedAttempts: 2 } },
      { actor: 'bolat', at: '2026-03-02T05:02:00.000Z', after: { failedAttempts: 3, lockedUntil: '2026-03-02T05:17:00.000Z' } },
      { actor: 'bolat', at: '2026-03-02T05:17:00.000Z', after: { failedAttempts: 0, lockedUntil: null, lastSignInAt: '2026-03-02T05:17:00.000Z' } },
    ]);
  });

  it('a success in between resets the count; after a lock has run out, counting starts again', async () => {
    const { store } = await withFirstAdmin('2026-03-02T09:00:00+05:00');
    await addOperator(store);
    store.setNow('2026-03-02T11:00:00+05:00');
    await signInError(store, 'bolat', 'wrong-1');
    await signInError(store, 'bolat', 'wrong-2');
    await store.signIn({ login: 'bolat', password: OPERATOR_PASSWORD });
    expect(await signInError(store, 'bolat', 'wrong-3')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await signInError(store, 'bolat', 'wrong-4')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 2, lockedUntil: null });
    expect(await signInError(store, 'bolat', 'wrong-5')).toMatchObject({ code: 'errors:staff.locked', params: { minutes: 15 } });

    store.setNow('2026-03-02T11:15:00+05:00');
    expect(await signInError(store, 'bolat', 'wrong-6')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 1, lockedUntil: null });
  });

  it('two wrong passwords at once at the second attempt: one locks, the other finds the lock and does not undo it', async () => {
    const { store } = await withFirstAdmin('2026-03-02T09:00:00+05:00');
    await addOperator(store);
    store.setNow('2026-03-02T13:00:00+05:00');
    await signInError(store, 'bolat', 'wrong-1');
    await signInError(store, 'bolat', 'wrong-2');
    const errors = await Promise.all([signInError(store, 'bolat', 'wrong-3'), signInError(store, 'bolat', 'wrong-4')]);
    expect(errors.map((e) => e.code)).toEqual(['errors:staff.locked', 'errors:staff.locked']);
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 3, lockedUntil: '2026-03-02T08:15:00.000Z' });
  });

  it('an unknown login gets the same refusal after the same work (one derivation), and nothing is written', async () => {
    const { store } = await withFirstAdmin();
    await addOperator(store);
    const counts = await tableCounts(store);
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    const unknown = await signInError(store, 'nobody', OPERATOR_PASSWORD);
    expect(deriveBits).toHaveBeenCalledTimes(1);
    expect(await tableCounts(store)).toEqual(counts);
    const wrong = await signInError(store, 'bolat', 'not-his-password');
    expect(deriveBits).toHaveBeenCalledTimes(2);
    expect(unknown).toEqual(wrong);
    expect(unknown).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(unknown.params).toBeUndefined();
    // Not even a string: the same refusal.
    expect(await commandErrorOf(store.signIn({ login: 42, password: null } as never))).toMatchObject({ code: 'errors:staff.signInFailed' });
  });

  it('a deactivated login is told so only with the right password; a wrong one is an ordinary failure', async () => {
    const { store } = await withFirstAdmin();
    const bolat = await addOperator(store);
    await store.setStaffActive({ staffId: bolat.id, active: false, opId: opId() });
    expect(await signInError(store, 'bolat', 'not-his-password')).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await signInError(store, 'bolat', OPERATOR_PASSWORD)).toMatchObject({ code: 'errors:staff.inactive' });
    expect(await staffRow(store, 'bolat')).toMatchObject({ active: false, lastSignInAt: null });
    await store.setStaffActive({ staffId: bolat.id, active: true, opId: opId() });
    expect(await store.signIn({ login: 'bolat', password: OPERATOR_PASSWORD })).toMatchObject({ active: true, failedAttempts: 0 });
  });

  it('an admin’s password reset clears the lock: the new password works at once, the old one no longer', async () => {
    const { store } = await withFirstAdmin('2026-03-02T09:00:00+05:00');
    const bolat = await addOperator(store);
    store.setNow('2026-03-02T12:00:00+05:00');
    for (const attempt of ['a-wrong-1', 'a-wrong-2', 'a-wrong-3']) await signInError(store, 'bolat', attempt);
    expect(await staffRow(store, 'bolat')).toMatchObject({ failedAttempts: 3, lockedUntil: '2026-03-02T07:15:00.000Z' });
    store.setNow('2026-03-02T12:01:00+05:00');
    expect(await store.resetStaffPassword({ staffId: bolat.id, password: 'new-for-bolat', opId: opId() })).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
      passwordChangedAt: '2026-03-02T07:01:00.000Z',
    });
    expect(await signInError(store, 'bolat', OPERATOR_PASSWORD)).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await store.signIn({ login: 'bolat', password: 'new-for-bolat' })).toMatchObject({ failedAttempts: 0 });
  });
});

describe('admins and roles', () => {
  it('the last active admin can be neither demoted nor deactivated, and nobody deactivates themselves', async () => {
    const { store, admin } = await withFirstAdmin();
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.changeStaffRole({ staffId: admin.id, role: 'manager', opId: opId() }))).toMatchObject({ code: 'errors:staff.lastAdmin' });
    expect(await commandErrorOf(store.setStaffActive({ staffId: admin.id, active: false, opId: opId() }))).toMatchObject({ code: 'errors:staff.selfDeactivate' });
    expect(await tableCounts(store)).toEqual(before);

    // A second admin: now aigerim may step down, and the second may deactivate her.
    const dana = await store.createStaffUser({ login: 'dana', name: 'Дана Ахметова', role: 'admin', password: 'dana-password', opId: opId() });
    expect(await store.changeStaffRole({ staffId: admin.id, role: 'manager', opId: opId() })).toMatchObject({ role: 'manager' });
    store.actAs('dana', 'admin');
    expect(await commandErrorOf(store.changeStaffRole({ staffId: dana.id, role: 'operator', opId: opId() }))).toMatchObject({ code: 'errors:staff.lastAdmin' });
    expect(await store.changeStaffRole({ staffId: admin.id, role: 'admin', opId: opId() })).toMatchObject({ role: 'admin' });
    expect(await store.setStaffActive({ staffId: admin.id, active: false, opId: opId() })).toMatchObject({ active: false });
    // An inactive admin does not count: dana is the last active one.
    expect(await commandErrorOf(store.changeStaffRole({ staffId: dana.id, role: 'manager', opId: opId() }))).toMatchObject({ code: 'errors:staff.lastAdmin' });
    expect(await commandErrorOf(store.setStaffActive({ staffId: dana.id, active: false, opId: opId() }))).toMatchObject({ code: 'errors:staff.selfDeactivate' });
    expect(await commandErrorOf(store.changeStaffRole({ staffId: 'nobody', role: 'manager', opId: opId() }))).toMatchObject({ code: 'errors:staff.notFound' });
    expect((await store.listStaff()).map(({ login, role, active }) => ({ login, role, active }))).toEqual([
      { login: 'aigerim', role: 'admin', active: false },
      { login: 'dana', role: 'admin', active: true },
    ]);
  });

  it('a person changes their own password with the current one; a repeat returns the first result', async () => {
    const { store } = await withFirstAdmin('2026-03-02T09:00:00+05:00');
    await addOperator(store);
    store.actAs('bolat', 'operator');
    store.setNow('2026-03-03T10:00:00+05:00');
    const before = await tableCounts(store);
    expect(await commandErrorOf(store.changeOwnPassword({ currentPassword: 'not-it', newPassword: 'bolat-2026-new', opId: 'own' }))).toMatchObject({
      code: 'errors:staff.wrongCurrentPassword',
      field: 'currentPassword',
    });
    expect(await tableCounts(store)).toEqual(before);
    expect(await commandErrorOf(store.changeOwnPassword({ currentPassword: OPERATOR_PASSWORD, newPassword: 'short', opId: 'own' }))).toMatchObject({
      code: 'errors:staff.passwordTooShort',
    });

    const input = { currentPassword: OPERATOR_PASSWORD, newPassword: 'bolat-2026-new', opId: 'own' };
    const changed = await store.changeOwnPassword(input);
    expect(changed).toMatchObject({ login: 'bolat', passwordChangedAt: '2026-03-03T05:00:00.000Z' });
    const counts = await tableCounts(store);
    // The same request again (the current password is no longer current): the first result, nothing written.
    expect(await store.changeOwnPassword(input)).toEqual(changed);
    expect(await commandErrorOf(store.changeOwnPassword({ ...input, newPassword: 'bolat-other-new' }))).toMatchObject({ code: 'errors:operation.conflict' });
    expect(await tableCounts(store)).toEqual(counts);

    expect(await signInError(store, 'bolat', OPERATOR_PASSWORD)).toMatchObject({ code: 'errors:staff.signInFailed' });
    expect(await store.signIn({ login: 'bolat', password: 'bolat-2026-new' })).toMatchObject({ login: 'bolat' });
    // Someone who is not a staff user has no own password to change.
    store.actAs('system', 'operator');
    expect(await commandErrorOf(store.changeOwnPassword({ currentPassword: 'whatever!', newPassword: 'whatever-new', opId: opId() }))).toMatchObject({ code: 'errors:staff.notFound' });
  });

  it('the idle lock: 15 minutes until an admin sets 1 to 240', async () => {
    const { store } = await withFirstAdmin();
    expect(await store.getSecuritySettings()).toEqual({ idleLockMinutes: 15 });
    for (const idleLockMinutes of [0, 241, 1.5]) {
      expect(await commandErrorOf(store.updateSecuritySettings({ idleLockMinutes, opId: opId() }))).toMatchObject({
        code: 'errors:staff.idleLockRange',
        params: { min: 1, max: 240 },
      });
    }
    store.actAs('bolat', 'manager');
    expect(await commandErrorOf(store.updateSecuritySettings({ idleLockMinutes: 30, opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden' });
    store.actAs('aigerim', 'admin');
    expect(await store.updateSecuritySettings({ idleLockMinutes: 30, opId: opId() })).toEqual({ idleLockMinutes: 30 });
    expect(await store.getSecuritySettings()).toEqual({ idleLockMinutes: 30 });
  });

  /**
   * §6 "Staff and roles", cumulative. operator: accounts, payments,
   * subscriptions, tickets, recording incidents; manager: also tariff
   * changes, cancellations, refund and compensation decisions, renewals,
   * closing accounts; admin: also staff users, settings, restoring a
   * backup. Every command must be listed here (docs/staff.md explains the
   * borderline ones).
   */
  const LEAST_ROLE: Record<string, StaffRole> = {
    createAccount: 'operator',
    updateAccount: 'operator',
    recordPayment: 'operator',
    createSubscription: 'operator',
    activateSubscription: 'operator',
    recordIncident: 'operator',
    closeIncident: 'operator',
    proposeCompensations: 'operator',
    openTicket: 'operator',
    assignTicket: 'operator',
    respondToTicket: 'operator',
    waitForClient: 'operator',
    resumeTicket: 'operator',
    resolveTicket: 'operator',
    closeTicket: 'operator',
    reopenTicket: 'operator',
    grantEdoAccess: 'operator',
    sendEdoAct: 'operator',
    recordEdoActDecision: 'operator',
    recordEdoUsage: 'operator',
    issueInvoice: 'operator',
    issueAct: 'operator',
    issueReconciliationAct: 'operator',
    correctDocument: 'manager',
    saveProviderRequisites: 'admin',
    createFirstAdmin: 'operator',
    changeOwnPassword: 'operator',
    changeTariff: 'manager',
    cancelSubscription: 'manager',
    approveRefund: 'manager',
    rejectRefund: 'manager',
    approveCompensation: 'manager',
    rejectCompensation: 'manager',
    approveIncidentCompensations: 'manager',
    renewSubscription: 'manager',
    closeAccount: 'manager',
    createStaffUser: 'admin',
    changeStaffRole: 'admin',
    setStaffActive: 'admin',
    resetStaffPassword: 'admin',
    updateSecuritySettings: 'admin',
    saveCalendarYear: 'admin',
    removeCalendarYear: 'admin',
    setBackupPassword: 'admin',
  };

  it('every command refuses exactly the roles below the one §6 names for it', async () => {
    const names = Object.keys(COMMANDS);
    expect(names.filter((name) => !(name in LEAST_ROLE))).toEqual([]);
    const store = await officeStore();
    const commands = store as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    for (const role of ['operator', 'manager', 'admin'] as const) {
      store.actAs('someone', role);
      const refused: string[] = [];
      for (const name of names) {
        const error = await commandErrorOf(commands[name]!({ opId: opId() })).catch(() => null);
        if (error?.code === 'errors:role.forbidden') refused.push(name);
      }
      expect(refused.sort(), role).toEqual(names.filter((name) => ROLE_RANK[LEAST_ROLE[name]!] > ROLE_RANK[role]).sort());
    }
    store.actAs('someone', 'operator');
    expect(await commandErrorOf(store.runRenewals({ date: '2026-03-02', opId: opId() }))).toMatchObject({ code: 'errors:role.forbidden', params: { role: 'manager' } });
  });
});

describe('password hashes', () => {
  it('a check reads the iterations and salt from the stored string; a malformed string matches nothing', async () => {
    const salt = new Uint8Array(16).fill(7);
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('older-cost'), 'PBKDF2', false, ['deriveBits']);
    const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100_000 }, key, 256));
    const older = `pbkdf2-sha256$100000$${toBase64(salt)}$${toBase64(bits)}`;
    expect(await verifyPassword('older-cost', older)).toBe(true);
    expect(await verifyPassword('older-cost', older.replace('$100000$', '$100001$'))).toBe(false);
    for (const malformed of ['', 'older-cost', older.replace('pbkdf2-sha256', 'md5'), older.replace('$100000$', '$99$'), `${older}$extra`, older.replace(/\$[^$]*$/, '$@@@')]) {
      expect(await verifyPassword('older-cost', malformed), malformed).toBe(false);
    }
  });

  it('compares every byte whatever the first difference', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([0]), new Uint8Array([]))).toBe(false);
  });
});
