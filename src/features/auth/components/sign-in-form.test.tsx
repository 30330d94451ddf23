import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SignInForm } from './sign-in-form';

const signInWithPassword = vi.fn();
const getAuthenticatorAssuranceLevel = vi.fn();
vi.mock('@/lib/load-auth', () => ({
  loadAuth: async () => ({
    signInWithPassword: (...a: unknown[]) => signInWithPassword(...a),
    mfa: { getAuthenticatorAssuranceLevel: () => getAuthenticatorAssuranceLevel() },
  }),
}));

function renderForm(onSignedIn = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignInForm onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return { onSignedIn };
}

async function fill(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('Email'), email);
  if (password) await userEvent.type(screen.getByLabelText('Password'), password);
}

describe('SignInForm', () => {
  it('explains invalid input without calling the server', async () => {
    renderForm();
    await fill('not-an-email', '');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(signInWithPassword).not.toHaveBeenCalled();
  });

  it('shows a readable message for wrong credentials', async () => {
    signInWithPassword.mockResolvedValueOnce({ data: {}, error: { code: 'invalid_credentials', message: 'Invalid login credentials' } });
    const { onSignedIn } = renderForm();
    await fill('ana@example.com', 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('signs in and says whether a second factor is needed', async () => {
    signInWithPassword.mockResolvedValueOnce({ data: { session: {} }, error: null });
    getAuthenticatorAssuranceLevel.mockResolvedValueOnce({ data: { currentLevel: 'aal1', nextLevel: 'aal2' }, error: null });
    const { onSignedIn } = renderForm();
    await fill('ana@example.com', 'secret123');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(onSignedIn.mock.calls[0]![0]).toEqual({ needsMfa: true });
    expect(signInWithPassword).toHaveBeenCalledWith({ email: 'ana@example.com', password: 'secret123' });
  });
});
