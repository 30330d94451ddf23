// The [auth] part of supabase/config.toml turned into the settings GoTrue would run with locally
// (the CLI maps config.toml to GOTRUE_* variables; supabase/cli internal/start/start.go).
import type { SupabaseToml } from '../config.ts';

export interface RateLimits {
  /** Emails per hour; lifted locally unless custom SMTP is configured, as the CLI does. */
  emailSent: number;
  anonymousUsers: number;
  tokenRefresh: number;
  signInSignUps: number;
  tokenVerifications: number;
}

export interface AuthSettings {
  apiUrl: string;
  /** Where the auth service is reachable from outside: `<api_url>/auth/v1`. */
  externalUrl: string;
  issuer: string;
  jwtSecret: string;
  jwtExpiry: number;
  siteUrl: string;
  additionalRedirectUrls: string[];
  enableSignup: boolean;
  enableAnonymous: boolean;
  emailEnabled: boolean;
  /** `[auth.email] enable_signup` (email sign-ups, separate from email logins). */
  emailSignup: boolean;
  /** `[auth.email] enable_confirmations = false` means GoTrue's MAILER_AUTOCONFIRM. */
  autoconfirm: boolean;
  doubleConfirmChanges: boolean;
  securePasswordChange: boolean;
  minPasswordLength: number;
  passwordRequirements: string;
  otpLength: number;
  otpExpiry: number;
  maxFrequencyMs: number;
  refreshTokenRotation: boolean;
  refreshTokenReuseInterval: number;
  rateLimits: RateLimits;
  mfa: { maxEnrolledFactors: number; totpEnroll: boolean; totpVerify: boolean };
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a Go duration ("1s", "1m30s", "500ms"); a bare number counts as seconds. */
export function parseDuration(value: unknown, fallbackMs: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string' || !value.trim()) return fallbackMs;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) throw new Error(`auth: invalid duration "${value}" in config.toml`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]!]!, 0);
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function int(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : fallback;
}

export function authSettings(toml: SupabaseToml, apiUrl: string, jwtSecret: string): AuthSettings {
  const auth = (toml.auth ?? {}) as Record<string, any>;
  const email = (auth.email ?? {}) as Record<string, any>;
  const limits = (auth.rate_limit ?? {}) as Record<string, any>;
  const totp = (auth.mfa?.totp ?? {}) as Record<string, any>;
  const externalUrl = (typeof auth.external_url === 'string' && auth.external_url) || `${apiUrl}/auth/v1`;
  const smtpEnabled = Boolean(email.smtp && email.smtp.enabled !== false);
  const otpLength = int(email.otp_length, 6);
  return {
    apiUrl,
    externalUrl,
    issuer: (typeof auth.jwt_issuer === 'string' && auth.jwt_issuer) || externalUrl,
    jwtSecret,
    jwtExpiry: int(auth.jwt_expiry, 3600),
    siteUrl: (typeof auth.site_url === 'string' && auth.site_url) || 'http://127.0.0.1:3000',
    additionalRedirectUrls: Array.isArray(auth.additional_redirect_urls) ? auth.additional_redirect_urls.filter((u: unknown) => typeof u === 'string' && u) : [],
    enableSignup: bool(auth.enable_signup, true),
    enableAnonymous: bool(auth.enable_anonymous_sign_ins, false),
    emailEnabled: bool(email.enabled, true),
    emailSignup: bool(email.enabled, true) && bool(email.enable_signup, true),
    autoconfirm: !bool(email.enable_confirmations, false),
    doubleConfirmChanges: bool(email.double_confirm_changes, true),
    securePasswordChange: bool(email.secure_password_change, false),
    minPasswordLength: Math.max(6, int(auth.minimum_password_length, 6)),
    passwordRequirements: typeof auth.password_requirements === 'string' ? auth.password_requirements : '',
    otpLength: Math.min(10, Math.max(6, otpLength)),
    otpExpiry: int(email.otp_expiry, 3600),
    maxFrequencyMs: parseDuration(email.max_frequency, 1000),
    refreshTokenRotation: bool(auth.enable_refresh_token_rotation, true),
    refreshTokenReuseInterval: int(auth.refresh_token_reuse_interval, 10),
    rateLimits: {
      emailSent: smtpEnabled ? int(limits.email_sent, 2) : 360_000,
      anonymousUsers: int(limits.anonymous_users, 30),
      tokenRefresh: int(limits.token_refresh, 150),
      signInSignUps: int(limits.sign_in_sign_ups, 30),
      tokenVerifications: int(limits.token_verifications, 30),
    },
    mfa: {
      maxEnrolledFactors: int(auth.mfa?.max_enrolled_factors, 10),
      totpEnroll: bool(totp.enroll_enabled, true),
      totpVerify: bool(totp.verify_enabled, true),
    },
  };
}
