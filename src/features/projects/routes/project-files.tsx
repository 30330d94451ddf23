import { useState } from 'react';
import { Link } from 'react-router';
import { Eye, EyeOff, Files, Trash2 } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useUserId } from '@/lib/auth';
import { errorMessage } from '@/lib/errors';
import { hasRole, useMembership } from '@/lib/membership';
import { toast } from '@/lib/toast';
import { useDeleteFile, useProjectFiles, useShareFile, type ProjectFile } from '../api/attachments';
import { FileRow } from '../components/file-row';
import { ProjectFileUploader } from '../components/project-file-uploader';
import { useProjectContext } from '../hooks/use-project-context';

type Pending = { kind: 'share' | 'unshare' | 'delete'; file: ProjectFile };

/** Files: the project's own files (staff upload and share them) and the files on its updates and tasks. */
export default function ProjectFilesRoute() {
  const { project, isStaff } = useProjectContext();
  const { current } = useMembership();
  const userId = useUserId();
  const files = useProjectFiles(project.id);
  const share = useShareFile(project.id);
  const remove = useDeleteFile(project.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const client = project.client_name ?? 'the client';

  if (files.isPending) return <SkeletonRows rows={4} label="Loading files" />;
  if (files.error) return <Alert>Files could not be loaded: {errorMessage(files.error)}</Alert>;
  const { projectFiles, itemFiles, itemTotal } = files.data;

  const canDelete = (f: ProjectFile) => hasRole(current.role, 'manager') || f.uploaded_by === userId;
  const handleConfirm = () => {
    if (!pending) return;
    const { kind, file } = pending;
    const done = () => setPending(null);
    const onError = (e: unknown) => (toast(errorMessage(e), { tone: 'error' }), done());
    if (kind === 'delete') {
      remove.mutate({ id: file.id, objectPath: file.object_path }, { onSuccess: () => (toast(`${file.file_name} was deleted.`), done()), onError });
    } else {
      share.mutate(
        { id: file.id, shared: kind === 'share' },
        { onSuccess: () => (toast(kind === 'share' ? `${client} can now see ${file.file_name}.` : `${file.file_name} is for your team only now.`), done()), onError },
      );
    }
  };

  return (
    <div className="space-y-6">
      <Card
        title={isStaff ? 'Project files' : 'Shared files'}
        description={isStaff ? `Files on the project itself. Share one to show it in ${client}'s portal.` : 'Files the team has shared with you.'}
      >
        {isStaff && (
          <div className="mb-4">
            <ProjectFileUploader organizationId={project.organization_id} projectId={project.id} userId={userId} existing={projectFiles.length} />
          </div>
        )}
        {projectFiles.length === 0 ? (
          isStaff ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No files on the project yet.</p>
          ) : (
            <EmptyState icon={Files} title="No shared files yet">
              When the team shares a file with you, it appears here.
            </EmptyState>
          )
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label={isStaff ? 'Project files' : 'Shared files'}>
            {projectFiles.map((f) => (
              <FileRow key={f.id} file={f} showVisibility={isStaff}>
                {isStaff && (
                  <>
                    <Button variant="secondary" className="px-3 py-1.5" onClick={() => setPending({ kind: f.client_visible ? 'unshare' : 'share', file: f })}>
                      {f.client_visible ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
                      {f.client_visible ? 'Stop sharing' : 'Share with client'}
                      <span className="sr-only"> {f.file_name}</span>
                    </Button>
                    {canDelete(f) && (
                      <Button variant="ghost" className="px-2" aria-label={`Delete ${f.file_name}`} onClick={() => setPending({ kind: 'delete', file: f })}>
                        <Trash2 className="size-4 text-red-600 dark:text-red-400" aria-hidden />
                      </Button>
                    )}
                  </>
                )}
              </FileRow>
            ))}
          </ul>
        )}
      </Card>
      <Card
        title="On updates and tasks"
        description={
          <>
            Files attached to <Link to={`/projects/${project.id}/updates`} className="underline">updates</Link> and tasks. They are{' '}
            {isStaff ? 'visible to the client when the update or task is.' : 'managed where they were attached.'}
          </>
        }
      >
        {itemFiles.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No files on updates or tasks yet.</p>
        ) : (
          <>
            <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Files on updates and tasks">
              {itemFiles.map((f) => (
                <FileRow key={f.id} file={f} showVisibility={isStaff}>
                  <span className="text-xs text-slate-500 dark:text-slate-400">{f.update_id ? 'On an update' : 'On a task'}</span>
                </FileRow>
              ))}
            </ul>
            {itemTotal > itemFiles.length && (
              <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
                Showing the newest {itemFiles.length} of {itemTotal}; older ones are on their updates and tasks.
              </p>
            )}
          </>
        )}
      </Card>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'share'
            ? `Share ${pending.file.file_name} with ${client}?`
            : pending?.kind === 'unshare'
              ? `Stop sharing ${pending.file.file_name}?`
              : `Delete ${pending?.file.file_name}?`
        }
        description={
          pending?.kind === 'share'
            ? `The client will see this file in their portal and can download it.`
            : pending?.kind === 'unshare'
              ? `${client} no longer sees it. Links they already opened expire within a minute.`
              : 'The file is removed for everyone. This cannot be undone.'
        }
        confirmLabel={pending?.kind === 'share' ? 'Share with client' : pending?.kind === 'unshare' ? 'Stop sharing' : 'Delete file'}
        tone={pending?.kind === 'delete' ? 'danger' : 'primary'}
        pending={share.isPending || remove.isPending}
        onConfirm={handleConfirm}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}
