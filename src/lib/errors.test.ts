import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('explains known auth codes', () => {
    expect(errorMessage({ code: 'invalid_credentials', message: 'Invalid login credentials' })).toBe('That email and password do not match an account.');
  });
  it('keeps the readable messages our database functions raise', () => {
    expect(errorMessage({ code: '22023', message: 'This invitation has expired' })).toBe('This invitation has expired');
  });
  it('turns permission errors and network failures into plain words', () => {
    expect(errorMessage({ code: '42501', message: 'permission denied for table organization_members' })).toBe('You do not have permission to do that.');
    expect(errorMessage(new TypeError('Failed to fetch'))).toBe('Cannot reach the server. Check your connection and try again.');
  });
  it('falls back to a generic message', () => {
    expect(errorMessage(undefined)).toBe('Something went wrong. Try again.');
  });
});
