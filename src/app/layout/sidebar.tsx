import { NavLink } from 'react-router';
import { hasRole, useMembership } from '@/lib/membership';
import { NAV } from './nav';

export function Sidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { current } = useMembership();
  return (
    <nav aria-label="Main" className="flex flex-col gap-6 px-3 py-4">
      {NAV.map((section, i) => {
        const items = section.items.filter((item) => hasRole(current.role, item.minRole));
        if (!items.length) return null;
        return (
          <div key={section.title ?? i}>
            {section.title && <p className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{section.title}</p>}
            <ul className="space-y-0.5">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.to === '/'}
                    onClick={onNavigate}
                    className={({ isActive }) =>
                      `flex items-center gap-3 rounded-md px-3 py-2 text-sm ${
                        isActive
                          ? 'bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/20 dark:text-indigo-200'
                          : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                      }`
                    }
                  >
                    <item.icon className="size-4" aria-hidden />
                    {item.label}
                    {item.badge && <item.badge />}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
