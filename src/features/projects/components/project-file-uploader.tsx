import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUploadAttachments } from '../api/attachments';
import { filesProblem, MAX_FILES_PER_ITEM } from '../files';
import { FilePicker } from './file-picker';
import { UploadProgress, type UploadItem } from './upload-progress';

interface Props {
  organizationId: string;
  projectId: string;
  userId: string;
  /** Files the project already holds. */
  existing: number;
}

/** Staff: add files to the project. Everything is checked before the first byte goes out. */
export function ProjectFileUploader({ organizationId, projectId, userId, existing }: Props) {
  const upload = useUploadAttachments(projectId);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFiles = (files: File[]) => {
    const refused = filesProblem(files, existing, 'project');
    setProblem(refused);
    if (refused) return;
    setItems(files.map((f) => ({ name: f.name, size: f.size, state: 'waiting' })));
    upload.mutate(
      {
        organizationId,
        projectId,
        userId,
        files,
        existing,
        onProgress: (index, state) => setItems((prev) => prev.map((item, i) => (i === index ? { ...item, state } : item))),
      },
      {
        onSuccess: (ids) => {
          toast(ids.length === 1 ? `${files[0]!.name} was uploaded.` : `${ids.length} files were uploaded.`);
          setItems([]);
        },
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <div className="space-y-3">
      {problem && <Alert>{problem}</Alert>}
      <FilePicker
        onFiles={handleFiles}
        disabled={upload.isPending}
        buttonLabel="Choose files"
        dropHint={`Drag files here, or choose them. At most ${MAX_FILES_PER_ITEM} files on the project, 10 MB each. New files are for your team until you share them.`}
      />
      <UploadProgress items={items} />
    </div>
  );
}
