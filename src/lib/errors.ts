// One place that turns errors from Supabase and the network into messages a person can act on.
const AUTH_MESSAGES: Record<string, string> = {
  invalid_credentials: 'That email and password do not match an account.',
  email_not_confirmed: 'Confirm your email first: we sent you a link.',
  over_request_rate_limit: 'Too many attempts. Wait a minute and try again.',
  user_already_exists: 'An account with this email already exists. Sign in instead.',
  email_exists: 'An account with this email already exists. Sign in instead.',
  weak_password: 'Choose a stronger password.',
};

export function errorMessage(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && AUTH_MESSAGES[code]) return AUTH_MESSAGES[code];
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && /Failed to fetch|NetworkError|fetch failed/i.test(message)) {
      return 'Cannot reach the server. Check your connection and try again.';
    }
    if (typeof message === 'string' && message) return message;
  }
  return 'Something went wrong. Try again.';
}
