// The user JSON GoTrue serialises (internal/models/user.go): null timestamps and empty strings
// with `omitempty` vanish, timestamps are RFC 3339.

export type Row = Record<string, any>;

/** Postgres' text timestamp ("2026-01-01 10:00:00.123+00") as RFC 3339 ("2026-01-01T10:00:00.123Z"). */
export function rfc3339(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return value.toISOString();
  const text = String(value).trim().replace(' ', 'T');
  const m = /^(.*?)([+-]\d{2})(?::?(\d{2}))?(?::?(\d{2}))?$/.exec(text);
  if (!m || !/T\d/.test(m[1]!)) return text;
  if (m[2] === '+00' && (!m[3] || m[3] === '00')) return `${m[1]}Z`;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

function put(out: Row, key: string, value: unknown): void {
  if (value !== undefined && value !== null && value !== '') out[key] = value;
}

export function identityJson(row: Row): Row {
  return {
    identity_id: row.id,
    id: row.provider_id,
    user_id: row.user_id,
    identity_data: row.identity_data ?? {},
    provider: row.provider,
    last_sign_in_at: rfc3339(row.last_sign_in_at) ?? null,
    created_at: rfc3339(row.created_at),
    updated_at: rfc3339(row.updated_at),
    email: row.email ?? undefined,
  };
}

export function factorJson(row: Row): Row {
  const out: Row = { id: row.id };
  put(out, 'friendly_name', row.friendly_name);
  out.factor_type = row.factor_type;
  out.status = row.status;
  out.created_at = rfc3339(row.created_at);
  out.updated_at = rfc3339(row.updated_at);
  put(out, 'last_challenged_at', rfc3339(row.last_challenged_at));
  return out;
}

export function userJson(row: Row, identities: Row[], factors: Row[]): Row {
  const out: Row = { id: row.id, aud: row.aud ?? '', role: row.role ?? '', email: row.email ?? '' };
  put(out, 'email_confirmed_at', rfc3339(row.email_confirmed_at));
  put(out, 'invited_at', rfc3339(row.invited_at));
  out.phone = row.phone ?? '';
  put(out, 'phone_confirmed_at', rfc3339(row.phone_confirmed_at));
  put(out, 'confirmation_sent_at', rfc3339(row.confirmation_sent_at));
  put(out, 'confirmed_at', rfc3339(row.confirmed_at));
  put(out, 'recovery_sent_at', rfc3339(row.recovery_sent_at));
  put(out, 'new_email', row.email_change);
  put(out, 'email_change_sent_at', rfc3339(row.email_change_sent_at));
  put(out, 'new_phone', row.phone_change);
  put(out, 'reauthentication_sent_at', rfc3339(row.reauthentication_sent_at));
  put(out, 'last_sign_in_at', rfc3339(row.last_sign_in_at));
  out.app_metadata = row.raw_app_meta_data ?? {};
  out.user_metadata = row.raw_user_meta_data ?? {};
  out.identities = identities.map(identityJson);
  if (factors.length) out.factors = factors.map(factorJson);
  out.created_at = rfc3339(row.created_at);
  out.updated_at = rfc3339(row.updated_at);
  put(out, 'banned_until', rfc3339(row.banned_until));
  put(out, 'deleted_at', rfc3339(row.deleted_at));
  out.is_anonymous = Boolean(row.is_anonymous);
  return out;
}

/**
 * What a repeated sign-up of a confirmed address answers while confirmations are on: a made-up
 * user with no identities, so the response does not reveal that the address is registered.
 */
export function obfuscatedUser(email: string, data: Row, now: string, id: string): Row {
  return {
    id,
    aud: 'authenticated',
    role: '',
    email,
    phone: '',
    confirmation_sent_at: now,
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: data,
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  };
}
