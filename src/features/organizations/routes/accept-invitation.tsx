import { Link, useNavigate, useParams } from 'react-router';
import { Mail, MailOpen } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { useSession } from '@/lib/auth';
import { auth } from '@/lib/auth-client';
import { rememberOrganization } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useAcceptInvitation, useInvitationPreview, useSendInvitationSignInLink } from '../api/invitations';

const ROLE_TEXT = { admin: 'an admin', manager: 'a manager', member: 'a member', client: 'a client', owner: 'an owner' } as const;

/** /invite/:token — for people with and without an account, signed in or not. */
export default function AcceptInvitationRoute() {
  const { token = '' } = useParams();
  const { session, ready } = useSession();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const sendLink = useSendInvitationSignInLink();
  const navigate = useNavigate();
  const here = `/invite/${token}`;

  const body = () => {
    if (preview.isPending || !ready) return <Skeleton className="h-24 w-full" />;
    if (preview.error) return <Alert>{errorMessage(preview.error)}</Alert>;
    const inv = preview.data;
    if (!inv) return <Alert>This invitation link is not valid. Ask for a new one.</Alert>;
    if (inv.status !== 'open') {
      const why = { accepted: 'has already been used', revoked: 'was withdrawn', expired: 'has expired' }[inv.status] ?? 'is closed';
      return <Alert>This invitation {why}. Ask {inv.organization_name} for a new one.</Alert>;
    }
    const intro = (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        You are invited to join <strong>{inv.organization_name}</strong> as {ROLE_TEXT[inv.role]}. The invitation is for <strong>{inv.email}</strong>.
      </p>
    );
    if (!session) {
      if (sendLink.isSuccess) {
        return (
          <div className="space-y-4">
            {intro}
            <Alert tone="success">
              Check your inbox: we sent a sign-in link to {inv.email}. It brings you back here to accept, and works once, for an hour.
            </Alert>
          </div>
        );
      }
      return (
        <div className="space-y-4">
          {intro}
          {sendLink.error && <Alert>{errorMessage(sendLink.error)}</Alert>}
          <div className="flex flex-col gap-2">
            <Button loading={sendLink.isPending} onClick={() => sendLink.mutate({ email: inv.email, token })}>
              <Mail className="size-4" aria-hidden /> Email me a sign-in link
            </Button>
            <p className="text-center text-xs text-slate-500 dark:text-slate-400">No password needed: we send a one-time link to {inv.email}.</p>
            <div className="my-1 flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400" aria-hidden>
              <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" /> or <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
            </div>
            <Link to={`/sign-up?next=${encodeURIComponent(here)}&email=${encodeURIComponent(inv.email)}`} className="rounded-md border border-slate-300 px-4 py-2 text-center text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
              Create an account to accept
            </Link>
            <Link to={`/sign-in?next=${encodeURIComponent(here)}`} className="rounded-md border border-slate-300 px-4 py-2 text-center text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
              I already have an account
            </Link>
          </div>
        </div>
      );
    }
    const wrongAccount = session.user.email?.toLowerCase() !== inv.email.toLowerCase();
    return (
      <div className="space-y-4">
        {intro}
        {accept.error && <Alert>{errorMessage(accept.error)}</Alert>}
        {wrongAccount ? (
          <>
            <Alert>You are signed in as {session.user.email}. Sign in as {inv.email} to accept.</Alert>
            <Button variant="secondary" className="w-full" onClick={() => void auth.signOut()}>
              Sign out and switch account
            </Button>
          </>
        ) : (
          <Button
            className="w-full"
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(token, {
                onSuccess: (member) => {
                  rememberOrganization(member.organization_id);
                  toast(`Welcome to ${inv.organization_name}.`);
                  navigate('/', { replace: true });
                },
              })
            }
          >
            Accept and join {inv.organization_name}
          </Button>
        )}
      </div>
    );
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 px-4 dark:bg-slate-950">
      <section className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <MailOpen className="size-8 text-brand-600" aria-hidden />
        <h1 className="mb-4 mt-3 text-xl font-semibold">Invitation</h1>
        {body()}
      </section>
    </main>
  );
}
