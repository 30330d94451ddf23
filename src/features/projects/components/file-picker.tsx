import { useRef, useState, type ReactNode } from 'react';
import { Paperclip, UploadCloud } from 'lucide-react';
import { Button } from '@/components/ui/button';

interface Props {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** The button's text; also names the hidden file input. */
  buttonLabel: string;
  /** A drop zone around the button, with this hint; without it just the button. */
  dropHint?: ReactNode;
}

/** Choose files with a button (keyboard and screen readers), or drop them on the zone. */
export function FilePicker({ onFiles, disabled = false, buttonLabel, dropHint }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const fileInput = (
    <input
      ref={input}
      type="file"
      multiple
      // Hidden: the button below opens it, so keyboard and screen-reader users meet one control.
      className="hidden"
      disabled={disabled}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
  const button = (
    <Button type="button" variant="secondary" disabled={disabled} onClick={() => input.current?.click()}>
      {dropHint ? <UploadCloud className="size-4" aria-hidden /> : <Paperclip className="size-4" aria-hidden />} {buttonLabel}
    </Button>
  );
  if (!dropHint) {
    return (
      <>
        {fileInput}
        {button}
      </>
    );
  }
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const files = [...e.dataTransfer.files];
        if (!disabled && files.length) onFiles(files);
      }}
      className={`flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors ${
        over ? 'border-brand-500 bg-brand-50 dark:border-indigo-400 dark:bg-brand-700/20' : 'border-slate-300 dark:border-slate-700'
      }`}
    >
      <UploadCloud className="size-8 text-slate-400" aria-hidden />
      <p className="text-sm text-slate-600 dark:text-slate-400">{dropHint}</p>
      {fileInput}
      {button}
    </div>
  );
}
