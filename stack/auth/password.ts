// Password policy (GoTrue internal/api/password.go) and bcrypt hashing.
import bcrypt from 'bcryptjs';
import { AuthError, validation } from './errors.ts';

const MAX_PASSWORD_LENGTH = 72;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const SYMBOLS = "!@#$%^&*()_+-=[]{};'\\:\"|<>?,./`~";

/** The character sets the CLI's `password_requirements` values stand for. */
export function requiredCharacterSets(requirement: string): string[] {
  switch (requirement) {
    case 'letters_digits':
      return [LOWER + UPPER, DIGITS];
    case 'lower_upper_letters_digits':
      return [LOWER, UPPER, DIGITS];
    case 'lower_upper_letters_digits_symbols':
      return [LOWER, UPPER, DIGITS, SYMBOLS];
    default:
      return [];
  }
}

export interface PasswordPolicy {
  minPasswordLength: number;
  passwordRequirements: string;
}

export interface WeakPassword {
  message: string;
  reasons: string[];
}

/** Returns why a password is weak, or null; throws for a password bcrypt cannot take. */
export function passwordWeakness(policy: PasswordPolicy, password: string): WeakPassword | null {
  if ([...password].length > MAX_PASSWORD_LENGTH) throw validation(`Password cannot be longer than ${MAX_PASSWORD_LENGTH} characters`);
  const reasons: string[] = [];
  const messages: string[] = [];
  if ([...password].length < policy.minPasswordLength) {
    reasons.push('length');
    messages.push(`Password should be at least ${policy.minPasswordLength} characters.`);
  }
  const sets = requiredCharacterSets(policy.passwordRequirements);
  if (sets.some((set) => ![...password].some((ch) => set.includes(ch)))) {
    reasons.push('characters');
    messages.push(`Password should contain at least one character of each: ${sets.join(', ')}.`);
  }
  return reasons.length ? { message: messages.join(' '), reasons } : null;
}

export function assertStrongPassword(policy: PasswordPolicy, password: string): void {
  const weak = passwordWeakness(policy, password);
  if (weak) throw new AuthError(422, 'weak_password', weak.message, { weak_password: { reasons: weak.reasons } });
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

export async function comparePassword(password: string, hash: string | null): Promise<boolean> {
  if (!hash) return false;
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}
