// One place that turns errors from Supabase and the network into messages a person can act on.
const MESSAGES_BY_CODE: Record<string, string> = {
  // Auth (error_code)
  invalid_credentials: 'That email and password do not match an account.',
  email_not_confirmed: 'Confirm your email first: we sent you a link.',
  over_request_rate_limit: 'Too many attempts. Wait a minute and try again.',
  over_email_send_rate_limit: 'We just sent you an email. Wait a minute before asking for another.',
  user_already_exists: 'An account with this email already exists. Sign in instead.',
  email_exists: 'An account with this email already exists. Sign in instead.',
  weak_password: 'Choose a stronger password.',
  same_password: 'Choose a password different from your current one.',
  otp_expired: 'This link has expired or was already used. Ask for a new one.',
  mfa_verification_failed: 'That code is not right. Check your authenticator app and try again.',
  mfa_challenge_expired: 'The code expired. Enter the newest one from your app.',
  // PostgREST / Postgres (code)
  '42501': 'You do not have permission to do that.',
  PGRST301: 'Your session has expired. Sign in again.',
  PGRST303: 'Your session has expired. Sign in again.',
};

/** Database errors raised by our own functions carry a readable message; keep those. */
const OWN_MESSAGE_CODES = new Set(['P0001', 'P0002', '22023', '23505', '23514']);

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    const message = (error as { message?: unknown }).message;
    if (typeof code === 'string' && OWN_MESSAGE_CODES.has(code) && typeof message === 'string') return message;
    if (typeof code === 'string' && MESSAGES_BY_CODE[code]) return MESSAGES_BY_CODE[code];
    if (typeof message === 'string' && /Failed to fetch|NetworkError|fetch failed|Load failed/i.test(message)) {
      return 'Cannot reach the server. Check your connection and try again.';
    }
    if (typeof message === 'string' && message) return message;
  }
  return 'Something went wrong. Try again.';
}
