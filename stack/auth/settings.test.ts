import { describe, expect, it } from 'vitest';
import { authSettings, parseDuration } from './settings.ts';

describe('parseDuration', () => {
  it('reads Go durations and bare seconds', () => {
    expect(parseDuration('1s', 0)).toBe(1000);
    expect(parseDuration('1m30s', 0)).toBe(90_000);
    expect(parseDuration('500ms', 0)).toBe(500);
    expect(parseDuration('2h', 0)).toBe(7_200_000);
    expect(parseDuration(60, 0)).toBe(60_000);
    expect(parseDuration(undefined, 42)).toBe(42);
  });
  it('rejects garbage', () => {
    expect(() => parseDuration('soon', 0)).toThrow(/invalid duration/);
    expect(() => parseDuration('1x', 0)).toThrow(/invalid duration/);
  });
});

describe('authSettings', () => {
  const api = 'http://127.0.0.1:54321';
  it('uses the CLI defaults for an empty config', () => {
    const s = authSettings({}, api, 'secret');
    expect(s).toMatchObject({
      externalUrl: `${api}/auth/v1`,
      issuer: `${api}/auth/v1`,
      jwtExpiry: 3600,
      siteUrl: 'http://127.0.0.1:3000',
      enableSignup: true,
      enableAnonymous: false,
      autoconfirm: true,
      doubleConfirmChanges: true,
      minPasswordLength: 6,
      otpLength: 6,
      otpExpiry: 3600,
      maxFrequencyMs: 1000,
      refreshTokenRotation: true,
      refreshTokenReuseInterval: 10,
    });
    expect(s.rateLimits.emailSent).toBe(360_000);
    expect(s.rateLimits.signInSignUps).toBe(30);
  });

  it('reads [auth], [auth.email], [auth.rate_limit] and [auth.mfa]', () => {
    const s = authSettings(
      {
        auth: {
          site_url: 'http://127.0.0.1:5173',
          additional_redirect_urls: ['http://127.0.0.1:5173/**'],
          jwt_expiry: 600,
          enable_signup: false,
          enable_anonymous_sign_ins: true,
          minimum_password_length: 10,
          password_requirements: 'letters_digits',
          refresh_token_reuse_interval: 0,
          email: { enable_confirmations: true, double_confirm_changes: false, max_frequency: '1m', otp_length: 8, otp_expiry: 120 },
          rate_limit: { sign_in_sign_ups: 5, token_refresh: 7, email_sent: 2 },
          mfa: { max_enrolled_factors: 3, totp: { enroll_enabled: false, verify_enabled: true } },
        },
      },
      api,
      'secret',
    );
    expect(s).toMatchObject({
      siteUrl: 'http://127.0.0.1:5173',
      additionalRedirectUrls: ['http://127.0.0.1:5173/**'],
      jwtExpiry: 600,
      enableSignup: false,
      enableAnonymous: true,
      autoconfirm: false,
      doubleConfirmChanges: false,
      minPasswordLength: 10,
      passwordRequirements: 'letters_digits',
      refreshTokenReuseInterval: 0,
      maxFrequencyMs: 60_000,
      otpLength: 8,
      otpExpiry: 120,
      mfa: { maxEnrolledFactors: 3, totpEnroll: false, totpVerify: true },
    });
    expect(s.rateLimits).toMatchObject({ signInSignUps: 5, tokenRefresh: 7, emailSent: 360_000 });
  });

  it('applies the email limit only with custom SMTP, and clamps the OTP length', () => {
    const s = authSettings({ auth: { rate_limit: { email_sent: 2 }, email: { smtp: { enabled: true }, otp_length: 4 } } }, api, 's');
    expect(s.rateLimits.emailSent).toBe(2);
    expect(s.otpLength).toBe(6);
  });
});
