/** How a person is named in the clients pages: display name, then username, then the fallback. */
export function personName(profile: { display_name?: string | null; username?: string | null } | null | undefined, fallback = 'Unnamed member'): string {
  return profile?.display_name || profile?.username || fallback;
}
