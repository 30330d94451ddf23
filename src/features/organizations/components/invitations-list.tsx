import { useState } from 'react';
import { formatDistanceToNow } from 'date-fns';
import { MailX, Send } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useInvitations, useResendInvitation, useRevokeInvitation } from '../api/invitations';

export function InvitationsList({ organizationId }: { organizationId: string }) {
  const invitations = useInvitations(organizationId);
  const resend = useResendInvitation();
  const revoke = useRevokeInvitation();
  const [revoking, setRevoking] = useState<{ id: string; email: string } | null>(null);
  if (invitations.isPending) return <SkeletonRows rows={2} label="Loading invitations" />;
  if (!invitations.data?.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No open invitations. Invite someone above.</p>;
  return (
    <>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {invitations.data.map((inv) => {
          const expired = new Date(inv.expires_at) < new Date();
          return (
            <li key={inv.id} className="flex flex-wrap items-center gap-3 py-3 text-sm">
              <span className="min-w-0 flex-1 truncate">{inv.email}</span>
              <Badge>{inv.client ? `client · ${inv.client.name}` : inv.role}</Badge>
              <span className={`text-xs ${expired ? 'text-red-600' : 'text-slate-500 dark:text-slate-400'}`}>
                {expired ? 'expired' : `expires ${formatDistanceToNow(new Date(inv.expires_at), { addSuffix: true })}`}
              </span>
              <Button
                variant="ghost"
                aria-label={`Resend the invitation to ${inv.email}`}
                onClick={() => resend.mutate(inv.id, { onSuccess: () => toast(`Sent a new link to ${inv.email}.`), onError: (e) => toast(errorMessage(e), { tone: 'error' }) })}
              >
                <Send className="size-4" aria-hidden />
              </Button>
              <Button variant="ghost" aria-label={`Revoke the invitation to ${inv.email}`} onClick={() => setRevoking({ id: inv.id, email: inv.email })}>
                <MailX className="size-4 text-red-600" aria-hidden />
              </Button>
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the invitation to ${revoking?.email}?`}
        description="The link stops working. You can invite them again later."
        confirmLabel="Revoke invitation"
        pending={revoke.isPending}
        onConfirm={() =>
          revoke.mutate(revoking!.id, {
            onSuccess: () => (toast('Invitation revoked.'), setRevoking(null)),
            onError: (e) => (toast(errorMessage(e), { tone: 'error' }), setRevoking(null)),
          })
        }
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
