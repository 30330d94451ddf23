import { useState } from 'react';
import { Crown, Trash2 } from 'lucide-react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Pagination } from '@/components/ui/pagination';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { hasRole, type OrgRole } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { MEMBERS_PAGE_SIZE, useChangeRole, useMembers, useRemoveMember, useTransferOwnership } from '../api/members';

const ROLES: OrgRole[] = ['owner', 'admin', 'manager', 'member', 'client'];
const LABEL: Record<OrgRole, string> = { owner: 'Owner', admin: 'Admin', manager: 'Manager', member: 'Member', client: 'Client' };

interface Props {
  organizationId: string;
  myRole: OrgRole;
  myUserId: string;
  page: number;
  onPageChange: (page: number) => void;
}

/** Whether `me` may change `target`'s role (the database decides; this only hides what would fail). */
function canManage(me: OrgRole, target: OrgRole): boolean {
  return me === 'owner' ? target !== 'owner' : me === 'admin' && !hasRole(target, 'admin');
}

export function MembersTable({ organizationId, myRole, myUserId, page, onPageChange }: Props) {
  const members = useMembers(organizationId, page);
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const transfer = useTransferOwnership();
  const [confirm, setConfirm] = useState<{ kind: 'remove' | 'transfer'; memberId: string; userId: string; name: string } | null>(null);

  if (members.isPending) return <SkeletonRows label="Loading members" />;
  if (members.error) return <Alert>{errorMessage(members.error)}</Alert>;

  const grantable = ROLES.filter((r) => r !== 'owner' && r !== 'client' && (myRole === 'owner' || !hasRole(r, 'admin')));
  const onConfirm = () => {
    if (!confirm) return;
    const done = () => setConfirm(null);
    if (confirm.kind === 'remove') remove.mutate(confirm.memberId, { onSuccess: () => (toast(`${confirm.name} was removed.`), done()), onError: (e) => (toast(errorMessage(e), { tone: 'error' }), done()) });
    else transfer.mutate({ organizationId, userId: confirm.userId }, { onSuccess: () => (toast(`${confirm.name} now owns this organization.`), done()), onError: (e) => (toast(errorMessage(e), { tone: 'error' }), done()) });
  };

  return (
    <>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {members.data.members.map((m) => {
          const name = m.profiles?.display_name || m.profiles?.username || 'Unnamed member';
          const manageable = m.user_id !== myUserId && canManage(myRole, m.role);
          return (
            <li key={m.id} className="flex flex-wrap items-center gap-3 py-3">
              <Avatar name={name} url={m.profiles?.avatar_url} size="sm" />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">
                  {name} {m.user_id === myUserId && <span className="text-slate-500 dark:text-slate-400">(you)</span>}
                </p>
              </div>
              {manageable && m.role !== 'client' ? (
                <label className="text-sm">
                  <span className="sr-only">Role of {name}</span>
                  <select
                    value={m.role}
                    disabled={changeRole.isPending}
                    onChange={(e) =>
                      changeRole.mutate(
                        { memberId: m.id, role: e.target.value as OrgRole },
                        { onSuccess: () => toast(`${name} is now ${LABEL[e.target.value as OrgRole].toLowerCase()}.`), onError: (err) => toast(errorMessage(err), { tone: 'error' }) },
                      )
                    }
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
                  >
                    {[m.role, ...grantable.filter((r) => r !== m.role)].map((r) => (
                      <option key={r} value={r}>
                        {LABEL[r]}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <Badge tone={m.role === 'owner' ? 'brand' : m.role === 'client' ? 'warning' : 'neutral'}>{LABEL[m.role]}</Badge>
              )}
              {myRole === 'owner' && m.user_id !== myUserId && hasRole(m.role, 'member') && m.role !== 'owner' && (
                <Button variant="ghost" aria-label={`Make ${name} the owner`} onClick={() => setConfirm({ kind: 'transfer', memberId: m.id, userId: m.user_id, name })}>
                  <Crown className="size-4" aria-hidden />
                </Button>
              )}
              {manageable && (
                <Button variant="ghost" aria-label={`Remove ${name}`} onClick={() => setConfirm({ kind: 'remove', memberId: m.id, userId: m.user_id, name })}>
                  <Trash2 className="size-4 text-red-600" aria-hidden />
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Pagination page={page} pageSize={MEMBERS_PAGE_SIZE} total={members.data.total} onPageChange={onPageChange} />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'remove' ? `Remove ${confirm.name}?` : `Make ${confirm?.name} the owner?`}
        description={
          confirm?.kind === 'remove'
            ? 'They lose access to this organization at once. You can invite them again later.'
            : 'They become the owner and you become an admin. Only they can give ownership back.'
        }
        confirmLabel={confirm?.kind === 'remove' ? 'Remove member' : 'Transfer ownership'}
        pending={remove.isPending || transfer.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
