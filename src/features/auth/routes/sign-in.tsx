import { useNavigate, useSearchParams } from 'react-router';
import { AuthCard } from '../components/auth-card';
import { SignInForm } from '../components/sign-in-form';

export default function SignInRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <AuthCard title="Sign in" subtitle="Welcome back. Sign in to your studio.">
      <SignInForm onSignedIn={() => navigate(target, { replace: true })} />
    </AuthCard>
  );
}
