import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import { LogOut, Monitor, Moon, Sun, UserRound } from 'lucide-react';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { auth } from '@/lib/auth-client';
import { setTheme, useTheme, type Theme } from '@/lib/theme';

const THEMES: Array<{ value: Theme; label: string; icon: typeof Sun }> = [
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
  { value: 'system', label: 'System', icon: Monitor },
];

const itemClass = 'flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm data-[focus]:bg-slate-100 dark:data-[focus]:bg-slate-800';

export function UserMenu({ email, name, avatarUrl }: { email: string; name: string; avatarUrl?: string | null }) {
  const theme = useTheme();
  return (
    <Menu as="div" className="relative">
      <MenuButton className="rounded-full focus-visible:ring-2 focus-visible:ring-brand-500" aria-label="Your account">
        <Avatar name={name || email} url={avatarUrl} size="sm" />
      </MenuButton>
      <MenuItems anchor="bottom end" className="z-50 mt-2 w-56 rounded-lg border border-slate-200 bg-white p-1 shadow-lg focus:outline-none dark:border-slate-700 dark:bg-slate-900">
        <div className="px-2 py-1.5">
          <p className="truncate text-sm font-medium">{name}</p>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">{email}</p>
        </div>
        <MenuSeparator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <MenuItem>
          <Link to="/settings/profile" className={itemClass}>
            <UserRound className="size-4" aria-hidden /> Profile
          </Link>
        </MenuItem>
        <MenuSeparator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <p className="px-2 pt-1 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Theme</p>
        {THEMES.map((t) => (
          <MenuItem key={t.value}>
            <button type="button" className={itemClass} onClick={() => setTheme(t.value)} aria-pressed={theme === t.value}>
              <t.icon className="size-4" aria-hidden /> {t.label}
              {theme === t.value && <span className="ml-auto text-xs text-brand-600">✓</span>}
            </button>
          </MenuItem>
        ))}
        <MenuSeparator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <MenuItem>
          <button type="button" className={itemClass} onClick={() => void auth.signOut()}>
            <LogOut className="size-4" aria-hidden /> Sign out
          </button>
        </MenuItem>
      </MenuItems>
    </Menu>
  );
}
