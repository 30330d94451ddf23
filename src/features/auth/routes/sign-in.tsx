import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { prefetchAuth } from '@/lib/load-auth';
import { AuthCard } from '../components/auth-card';
import { SignInForm } from '../components/sign-in-form';
import { MagicLinkForm } from '../components/magic-link-form';
import { AuthLinks } from '../components/auth-links';
import { safeNext } from '../api/schemas';

export default function SignInRoute() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const next = safeNext(params.get('next'));
  const magic = params.get('method') === 'link';
  useEffect(prefetchAuth, []);
  const toggle = () => {
    const copy = new URLSearchParams(params);
    if (magic) copy.delete('method');
    else copy.set('method', 'link');
    setParams(copy, { replace: true });
  };
  const withNext = (path: string) => (next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`);
  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to your studio.">
      {magic ? (
        <MagicLinkForm next={next} />
      ) : (
        <SignInForm onSignedIn={({ needsMfa }) => navigate(needsMfa ? `/auth/mfa?next=${encodeURIComponent(next)}` : next, { replace: true })} />
      )}
      <button type="button" onClick={toggle} className="mt-4 w-full text-center text-sm text-slate-600 hover:underline dark:text-slate-300">
        {magic ? 'Sign in with a password instead' : 'Email me a sign-in link instead'}
      </button>
      <AuthLinks
        links={[
          { to: withNext('/sign-up'), label: 'Create an account' },
          { to: '/forgot-password', label: 'Forgot your password?' },
        ]}
      />
    </AuthCard>
  );
}
