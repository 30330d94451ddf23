import { NavLink } from 'react-router';

export interface TabNavItem {
  to: string;
  label: string;
  /** Match the path exactly (for an index tab). */
  end?: boolean;
}

/** Sections of one page as links (each is its own URL); the current one is marked for assistive tech. */
export function TabNav({ label, items }: { label: string; items: readonly TabNavItem[] }) {
  return (
    <nav aria-label={label} className="mb-6 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      <ul className="-mb-px flex gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                  isActive
                    ? 'border-brand-600 text-brand-700 dark:border-indigo-400 dark:text-indigo-200'
                    : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100'
                }`
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
