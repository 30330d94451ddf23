import { createContext, useContext } from 'react';
import type { Database } from './database.types';

export type OrgRole = Database['public']['Enums']['org_role'];

export interface Membership {
  memberId: string;
  organizationId: string;
  organizationName: string;
  organizationSlug: string;
  role: OrgRole;
  clientId: string | null;
}

export interface MembershipState {
  /** The organization the user is working in now. */
  current: Membership;
  all: Membership[];
  switchTo: (organizationId: string) => void;
}

const RANK: Record<OrgRole, number> = { client: 0, member: 1, manager: 2, admin: 3, owner: 4 };

/** True when `role` is at least `min` (owner > admin > manager > member > client). */
export function hasRole(role: OrgRole, min: OrgRole): boolean {
  return RANK[role] >= RANK[min];
}

export const MembershipContext = createContext<MembershipState | null>(null);

/** The active membership; only call inside the app shell. */
export function useMembership(): MembershipState {
  const state = useContext(MembershipContext);
  if (!state) throw new Error('useMembership must be used inside the app shell');
  return state;
}

const LAST_ORG_KEY = 'atrium.lastOrganization';

export function rememberOrganization(id: string): void {
  localStorage.setItem(LAST_ORG_KEY, id);
}

export function lastOrganization(): string | null {
  return localStorage.getItem(LAST_ORG_KEY);
}

const MEMBERSHIPS_KEY = 'atrium.memberships';

/** Keeps the signed-in user's organization list for the next page load (cleared on sign-out). */
export function rememberMemberships(userId: string, memberships: Membership[]): void {
  try {
    localStorage.setItem(MEMBERSHIPS_KEY, JSON.stringify({ userId, memberships }));
  } catch {
    // Storage full or blocked: the shell simply waits for the network next time.
  }
}

export function rememberedMemberships(userId: string): Membership[] | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(MEMBERSHIPS_KEY) ?? 'null') as { userId: string; memberships: Membership[] } | null;
    return saved?.userId === userId && saved.memberships.length > 0 ? saved.memberships : undefined;
  } catch {
    return undefined;
  }
}

export function forgetMemberships(): void {
  localStorage.removeItem(MEMBERSHIPS_KEY);
}
