import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { formatDistanceToNow } from 'date-fns';
import { Copy, KeyRound, MailX, Send, UserMinus, UserPlus } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { hasRole, type OrgRole } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useInviteToPortal, usePortalAccess, useRemovePortalAccess, useResendPortalInvitation, useRevokePortalInvitation } from '../api/portal-access';
import { portalInviteSchema, type PortalInviteInput } from '../api/schemas';

interface Props {
  organizationId: string;
  clientId: string;
  clientName: string;
  myRole: OrgRole;
}

type Pending = { kind: 'invite'; email: string } | { kind: 'revoke'; id: string; email: string } | { kind: 'remove'; memberId: string; name: string };

/** Who can sign in to the portal for this client, open invitations, and inviting someone new. */
export function PortalAccessCard({ organizationId, clientId, clientName, myRole }: Props) {
  const canInvite = hasRole(myRole, 'manager');
  const canRemove = hasRole(myRole, 'admin');
  const access = usePortalAccess(organizationId, clientId, canInvite);
  const invite = useInviteToPortal(organizationId, clientId);
  const resend = useResendPortalInvitation(organizationId);
  const revoke = useRevokePortalInvitation(organizationId);
  const removeAccess = useRemovePortalAccess(organizationId);
  const [pending, setPending] = useState<Pending | null>(null);
  const [lastLink, setLastLink] = useState<string | null>(null);
  const form = useForm<PortalInviteInput>({ resolver: standardSchemaResolver(portalInviteSchema), defaultValues: { email: '' } });

  const fail = (e: Error) => (toast(errorMessage(e), { tone: 'error' }), setPending(null));
  const onConfirm = () => {
    if (!pending) return;
    if (pending.kind === 'invite') {
      invite.mutate(pending.email, {
        onSuccess: (result) => {
          toast(`Invitation sent to ${pending.email}.`);
          setLastLink(result.link);
          form.reset({ email: '' });
          setPending(null);
        },
        onError: () => setPending(null),
      });
    } else if (pending.kind === 'revoke') {
      revoke.mutate(pending.id, { onSuccess: () => (toast('Invitation revoked.'), setPending(null)), onError: fail });
    } else {
      removeAccess.mutate(pending.memberId, { onSuccess: () => (toast(`${pending.name} no longer has portal access.`), setPending(null)), onError: fail });
    }
  };

  const confirmText = (p: Pending) =>
    p.kind === 'invite'
      ? {
          title: `Give ${p.email} access to the ${clientName} portal?`,
          description: `They get an email with a link that works for 7 days. Once they accept, they see ${clientName}'s projects, client updates, shared tasks and files, never internal notes or other clients.`,
          confirmLabel: 'Send invitation',
          tone: 'primary' as const,
        }
      : p.kind === 'revoke'
        ? { title: `Revoke the invitation to ${p.email}?`, description: 'The link stops working. You can invite them again later.', confirmLabel: 'Revoke invitation', tone: 'danger' as const }
        : {
            title: `Remove ${p.name}'s portal access?`,
            description: `They leave the organization and can no longer see anything of ${clientName}. You can invite them again later.`,
            confirmLabel: 'Remove access',
            tone: 'danger' as const,
          };

  return (
    <Card title="Portal access" description={`People who sign in to the client portal for ${clientName}.`}>
      {access.isPending ? (
        <SkeletonRows rows={2} label="Loading portal access" />
      ) : access.error ? (
        <Alert>Portal access could not be loaded: {errorMessage(access.error)}</Alert>
      ) : (
        <div className="space-y-4">
          {access.data.people.length === 0 && access.data.invitations.length === 0 ? (
            <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
              <KeyRound className="size-4 shrink-0" aria-hidden /> Nobody has portal access yet.
            </p>
          ) : (
            <ul className="divide-y divide-slate-200 dark:divide-slate-800">
              {access.data.people.map((p) => (
                <li key={p.memberId} className="flex items-center gap-3 py-2 text-sm first:pt-0">
                  <Avatar name={p.name} url={p.avatarUrl} size="sm" />
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">{p.name}</p>
                    <p className="text-xs text-slate-500 dark:text-slate-400">Since {new Date(p.since).toLocaleDateString()}</p>
                  </div>
                  {canRemove && (
                    <Button variant="ghost" aria-label={`Remove ${p.name}'s portal access`} onClick={() => setPending({ kind: 'remove', memberId: p.memberId, name: p.name })}>
                      <UserMinus className="size-4 text-red-600" aria-hidden />
                    </Button>
                  )}
                </li>
              ))}
              {access.data.invitations.map((inv) => {
                const expired = new Date(inv.expires_at) < new Date();
                return (
                  <li key={inv.id} className="flex items-center gap-3 py-2 text-sm first:pt-0">
                    <span className="min-w-0 flex-1">
                      <span className="block truncate">{inv.email}</span>
                      <span className={`text-xs ${expired ? 'text-red-600 dark:text-red-400' : 'text-slate-500 dark:text-slate-400'}`}>
                        {expired ? 'Invitation expired' : `Invited, expires ${formatDistanceToNow(new Date(inv.expires_at), { addSuffix: true })}`}
                      </span>
                    </span>
                    <Button
                      variant="ghost"
                      aria-label={`Resend the invitation to ${inv.email}`}
                      onClick={() =>
                        resend.mutate(inv.id, {
                          onSuccess: (r) => (toast(`Sent a new link to ${inv.email}.`), setLastLink(r.link)),
                          onError: (e) => toast(errorMessage(e), { tone: 'error' }),
                        })
                      }
                    >
                      <Send className="size-4" aria-hidden />
                    </Button>
                    <Button variant="ghost" aria-label={`Revoke the invitation to ${inv.email}`} onClick={() => setPending({ kind: 'revoke', id: inv.id, email: inv.email })}>
                      <MailX className="size-4 text-red-600" aria-hidden />
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
          {canInvite ? (
            <form onSubmit={form.handleSubmit((v) => (invite.reset(), setPending({ kind: 'invite', email: v.email })))} noValidate className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
              {invite.error && <Alert>{errorMessage(invite.error)}</Alert>}
              <div className="flex items-end gap-2">
                <TextField className="flex-1" label="Invite by email" type="email" autoComplete="off" error={form.formState.errors.email?.message} {...form.register('email')} />
                <Button type="submit" variant="secondary" className={form.formState.errors.email ? 'mb-7' : ''}>
                  <UserPlus className="size-4" aria-hidden /> Invite
                </Button>
              </div>
              {lastLink && (
                <button
                  type="button"
                  className="inline-flex items-center gap-1 text-sm text-brand-600 hover:underline dark:text-indigo-300"
                  onClick={() => void navigator.clipboard.writeText(lastLink).then(() => toast('Invitation link copied.'))}
                >
                  <Copy className="size-3.5" aria-hidden /> Copy invitation link
                </button>
              )}
            </form>
          ) : (
            <p className="text-xs text-slate-500 dark:text-slate-400">Managers, admins and owners can invite people to the portal.</p>
          )}
        </div>
      )}
      {pending && (
        <ConfirmDialog
          open
          {...confirmText(pending)}
          pending={invite.isPending || revoke.isPending || removeAccess.isPending}
          onConfirm={onConfirm}
          onCancel={() => setPending(null)}
        />
      )}
    </Card>
  );
}
