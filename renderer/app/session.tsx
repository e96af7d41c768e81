import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { StaffMember, StaffRole } from '../../shared/domain';
import { roleAllows } from '../../core';

/** Who is signed in on this desktop: what the header shows and what every command's actor and role are. */
export interface SignedInUser {
  id: string;
  login: string;
  name: string;
  role: StaffRole;
}

/** The session as the screens see it: who is signed in, and whether the screen is locked over their work. */
export interface SessionState {
  readonly user: SignedInUser | null;
  /** Locked (idle time or the header's Lock): the same person's password, or someone else signing in, opens it. */
  readonly locked: boolean;
}

const SIGNED_OUT: SessionState = { user: null, locked: false };

/** The parts of a StaffMember the session keeps (never a hash: a StaffMember has none). */
export function signedInUserOf(member: Pick<StaffMember, 'id' | 'login' | 'name' | 'role'>): SignedInUser {
  return { id: member.id, login: member.login, name: member.name, role: member.role };
}

/** Marked on the page's performance timeline at each sign-in: the bench times the first screen from here (docs/staff-ui.md). */
export const SIGNED_IN_MARK = 'esep:signed-in';

/**
 * The one place the signed-in person lives. main.tsx creates it and gives
 * the store `actor`/`role` reading from it, so every command is run as that
 * person; the screens subscribe to it. Kept in memory only: a restart (or a
 * reload) asks for the password again.
 */
export class SessionHolder {
  private state: SessionState = SIGNED_OUT;
  private readonly listeners = new Set<() => void>();

  get user(): SignedInUser | null {
    return this.state.user;
  }

  get locked(): boolean {
    return this.state.locked;
  }

  /** The current state; a new object on every change (useSyncExternalStore's snapshot). */
  get snapshot(): SessionState {
    return this.state;
  }

  /** Signs `user` in (or back in after a lock), unlocked. */
  signIn(user: SignedInUser): void {
    if (typeof performance !== 'undefined') performance.mark(SIGNED_IN_MARK);
    this.update({ user, locked: false });
  }

  /** Updates the signed-in person's name or role after their own record changed; nothing when someone else is signed in. */
  refresh(member: Pick<StaffMember, 'id' | 'login' | 'name' | 'role'>): void {
    if (this.state.user?.id !== member.id) return;
    this.update({ ...this.state, user: signedInUserOf(member) });
  }

  /** Locks the screen over the signed-in person's work (nothing when nobody is signed in). */
  lock(): void {
    if (this.state.user === null || this.state.locked) return;
    this.update({ ...this.state, locked: true });
  }

  signOut(): void {
    if (this.state.user === null) return;
    this.update(SIGNED_OUT);
  }

  /** Sets the user directly (null: signed out). */
  set(user: SignedInUser | null): void {
    if (user === null) this.signOut();
    else this.signIn(user);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

const SessionContext = createContext<SessionHolder | null>(null);

export function SessionProvider({ holder, children }: { holder: SessionHolder; children: ReactNode }) {
  return <SessionContext.Provider value={holder}>{children}</SessionContext.Provider>;
}

export function useSessionHolder(): SessionHolder {
  const holder = useContext(SessionContext);
  if (!holder) throw new Error('SessionProvider is missing above this component');
  return holder;
}

/** The session (who, locked or not), live. */
export function useSessionState(): SessionState {
  const holder = useSessionHolder();
  return useSyncExternalStore(holder.subscribe, () => holder.snapshot);
}

/** The signed-in person, or null before sign-in. */
export function useSignedInUser(): SignedInUser | null {
  return useSessionState().user;
}

/** Whether the signed-in person's role includes `needed` (roles are cumulative: operator ⊂ manager ⊂ admin). */
export function useCan(needed: StaffRole): boolean {
  const user = useSignedInUser();
  return user !== null && roleAllows(user.role, needed);
}
