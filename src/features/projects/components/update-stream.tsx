import { MessagesSquare } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SkeletonRows } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/errors';
import type { OrgRole } from '@/lib/membership';
import { useUpdateStream } from '../api/updates';
import type { UpdateVisibility } from '../api/schemas';
import { UpdateThread } from './update-thread';
import { VISIBILITY, visibilityHint } from './visibility';

interface Props {
  visibility: UpdateVisibility;
  projectId: string;
  organizationId: string;
  userId: string;
  role: OrgRole;
  clientName: string;
  /** Clients see one stream, titled plainly. */
  title?: string;
}

/** One stream of updates, newest first, with "load older". */
export function UpdateStream({ visibility, projectId, organizationId, userId, role, clientName, title }: Props) {
  const stream = useUpdateStream(projectId, visibility);
  const style = VISIBILITY[visibility];
  const headingId = `stream-${visibility}`;
  const threads = stream.data?.pages.flatMap((p) => p.threads) ?? [];
  const isClient = role === 'client';

  return (
    <section aria-labelledby={headingId} className={`rounded-xl border-2 p-4 ${style.frame}`}>
      <header className="mb-4">
        <h2 id={headingId} className={`flex items-center gap-2 text-base font-semibold ${style.accent}`}>
          <style.Icon className="size-4" aria-hidden /> {title ?? style.title}
        </h2>
        {!isClient && <p className={`text-sm ${style.accent}`}>{visibilityHint(visibility, clientName)}</p>}
      </header>
      {stream.isPending ? (
        <SkeletonRows rows={3} label={`Loading ${(title ?? style.title).toLowerCase()}`} />
      ) : stream.error ? (
        <Alert>{errorMessage(stream.error)}</Alert>
      ) : threads.length === 0 ? (
        <div className="flex flex-col items-center py-8 text-center">
          <MessagesSquare className="size-7 text-slate-400" aria-hidden />
          <p className="mt-2 text-sm font-medium">{visibility === 'internal' ? 'No internal notes yet' : 'No updates yet'}</p>
          <p className="mt-1 max-w-xs text-sm text-slate-600 dark:text-slate-400">
            {isClient
              ? 'The team posts progress here. You can comment on every update.'
              : visibility === 'internal'
                ? 'Keep risks, decisions and context for the team here.'
                : `Tell ${clientName} how the work is going; they see these in their portal.`}
          </p>
        </div>
      ) : (
        <>
          <ul className="space-y-3">
            {threads.map((t) => (
              <li key={t.id}>
                <UpdateThread thread={t} projectId={projectId} organizationId={organizationId} userId={userId} role={role} clientName={clientName} />
              </li>
            ))}
          </ul>
          {stream.hasNextPage && (
            <div className="mt-3 flex justify-center">
              <Button variant="secondary" loading={stream.isFetchingNextPage} onClick={() => void stream.fetchNextPage()}>
                Load older {visibility === 'internal' ? 'notes' : 'updates'}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
