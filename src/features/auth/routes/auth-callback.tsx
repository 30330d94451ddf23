import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { EmailOtpType } from '@supabase/auth-js';
import { LoaderCircle } from 'lucide-react';
import { auth } from '@/lib/auth-client';
import { errorMessage } from '@/lib/errors';
import { Alert } from '@/components/ui/alert';
import { AuthCard } from '../components/auth-card';
import { safeNext } from '../api/schemas';

const OTP_TYPES = new Set(['signup', 'invite', 'magiclink', 'recovery', 'email_change', 'email']);

/** Completes an email link: a PKCE `code`, or a `token_hash` with its type. */
async function completeEmailLink(params: URLSearchParams): Promise<void> {
  const problem = params.get('error_description');
  if (problem) throw new Error(problem);
  const code = params.get('code');
  if (code) {
    const { error } = await auth.exchangeCodeForSession(code);
    if (error) throw error;
    return;
  }
  const tokenHash = params.get('token_hash');
  const type = params.get('type');
  if (tokenHash && type && OTP_TYPES.has(type)) {
    const { error } = await auth.verifyOtp({ token_hash: tokenHash, type: type as EmailOtpType });
    if (error) throw error;
    return;
  }
  throw new Error('This link is incomplete. Open it again from your email.');
}

// A code can be exchanged once: remember the ones in flight so StrictMode's double effect is harmless.
const inFlight = new Map<string, Promise<void>>();

export default function AuthCallbackRoute() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));
  const key = params.toString();

  useEffect(() => {
    if (!inFlight.has(key)) inFlight.set(key, completeEmailLink(new URLSearchParams(key)));
    let active = true;
    inFlight.get(key)!.then(
      async () => {
        if (!active) return;
        const { data } = await auth.mfa.getAuthenticatorAssuranceLevel();
        const needsMfa = data?.nextLevel === 'aal2' && data.currentLevel !== 'aal2';
        navigate(needsMfa ? `/auth/mfa?next=${encodeURIComponent(next)}` : next, { replace: true });
      },
      (err) => active && setError(errorMessage(err)),
    );
    return () => {
      active = false;
    };
  }, [key, next, navigate]);

  return (
    <AuthCard title={error ? 'This link did not work' : 'Signing you in…'}>
      {error ? (
        <div className="space-y-4">
          <Alert>{error}</Alert>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Links work once and expire after an hour. <Link to="/sign-in?method=link" className="text-brand-600 underline">Get a new sign-in link</Link>.
          </p>
        </div>
      ) : (
        <div role="status" className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
          <LoaderCircle className="size-4 animate-spin" aria-hidden /> Checking your link
        </div>
      )}
    </AuthCard>
  );
}
