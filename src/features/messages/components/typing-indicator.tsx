import { typingText } from '../format';
import type { Person } from '../types';

/** One quiet line under the composer; its height is reserved so nothing jumps. */
export function TypingIndicator({ people }: { people: Person[] }) {
  const text = typingText(people);
  return (
    <p aria-live="polite" data-typing className="h-5 truncate px-1 text-xs text-slate-600 dark:text-slate-400">
      {text && (
        <>
          <span aria-hidden className="mr-1 inline-flex gap-0.5 align-middle">
            <span className="size-1 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.2s]" />
            <span className="size-1 animate-bounce rounded-full bg-slate-400 [animation-delay:-0.1s]" />
            <span className="size-1 animate-bounce rounded-full bg-slate-400" />
          </span>
          {text}
        </>
      )}
    </p>
  );
}
