import { Avatar } from '@/components/ui/avatar';
import type { Person } from '../types';

/** The people matching the `@query`, as a listbox the composer's textarea drives (aria-activedescendant). */
export function MentionMenu({ id, people, active, onPick }: { id: string; people: Person[]; active: number; onPick: (person: Person) => void }) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="People to mention"
      className="absolute bottom-full left-0 z-20 mb-2 max-h-64 w-72 overflow-y-auto rounded-lg border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {people.length === 0 && <li className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">Nobody in this channel by that name.</li>}
      {people.map((p, i) => (
        <li
          key={p.userId}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          // Keep the textarea focused: pick on mouse down.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(p);
          }}
          className={`flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm ${i === active ? 'bg-brand-50 text-brand-800 dark:bg-brand-700/30 dark:text-indigo-100' : 'hover:bg-slate-100 dark:hover:bg-slate-800'}`}
        >
          <Avatar name={p.name} url={p.avatarUrl} size="xs" />
          <span className="truncate">{p.name}</span>
        </li>
      ))}
    </ul>
  );
}
