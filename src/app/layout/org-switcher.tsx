import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import { Check, ChevronsUpDown, Plus } from 'lucide-react';
import { Link } from 'react-router';
import { useMembership } from '@/lib/membership';

const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', manager: 'Manager', member: 'Member', client: 'Client' } as const;

export function OrgSwitcher() {
  const { current, all, switchTo } = useMembership();
  return (
    <Menu as="div" className="relative">
      <MenuButton className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800" aria-label={`Organization: ${current.organizationName}. Switch organization`}>
        <span className="flex size-7 items-center justify-center rounded-md bg-brand-600 text-xs font-semibold text-white" aria-hidden>
          {current.organizationName.slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold">{current.organizationName}</span>
          <span className="block text-xs text-slate-500 dark:text-slate-400">{ROLE_LABEL[current.role]}</span>
        </span>
        <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
      </MenuButton>
      <MenuItems anchor="bottom start" className="z-50 mt-1 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg focus:outline-none dark:border-slate-700 dark:bg-slate-900">
        {all.map((m) => (
          <MenuItem key={m.organizationId}>
            <button
              type="button"
              onClick={() => switchTo(m.organizationId)}
              className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm data-[focus]:bg-slate-100 dark:data-[focus]:bg-slate-800"
            >
              <span className="flex-1 truncate">{m.organizationName}</span>
              <span className="text-xs text-slate-500 dark:text-slate-400">{ROLE_LABEL[m.role]}</span>
              {m.organizationId === current.organizationId && <Check className="size-4 text-brand-600" aria-label="Current" />}
            </button>
          </MenuItem>
        ))}
        <MenuSeparator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
        <MenuItem>
          <Link to="/onboarding" className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm data-[focus]:bg-slate-100 dark:data-[focus]:bg-slate-800">
            <Plus className="size-4" aria-hidden /> New organization
          </Link>
        </MenuItem>
      </MenuItems>
    </Menu>
  );
}
