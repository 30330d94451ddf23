import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { SignInForm } from './sign-in-form';

const signInWithPassword = vi.fn();
vi.mock('@/lib/supabase', () => ({ supabase: { auth: { signInWithPassword: (...a: unknown[]) => signInWithPassword(...a) } } }));

function renderForm(onSignedIn = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SignInForm onSignedIn={onSignedIn} />
    </QueryClientProvider>,
  );
  return { onSignedIn };
}

describe('SignInForm', () => {
  it('explains invalid input without calling the server', async () => {
    renderForm();
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(signInWithPassword).not.toHaveBeenCalled();
  });

  it('shows a readable message for wrong credentials', async () => {
    signInWithPassword.mockResolvedValueOnce({ data: {}, error: { code: 'invalid_credentials', message: 'Invalid login credentials' } });
    const { onSignedIn } = renderForm();
    await userEvent.type(screen.getByLabelText('Email'), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('signs in and hands over on success', async () => {
    signInWithPassword.mockResolvedValueOnce({ data: { session: { access_token: 't' } }, error: null });
    const { onSignedIn } = renderForm();
    await userEvent.type(screen.getByLabelText('Email'), 'ana@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'secret123');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(signInWithPassword).toHaveBeenCalledWith({ email: 'ana@example.com', password: 'secret123' });
  });
});
