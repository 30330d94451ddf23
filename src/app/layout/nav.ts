import { Bell, Building2, Calculator, Clock, CreditCard, FileText, FolderKanban, Gauge, HandCoins, Inbox, LayoutDashboard, ListChecks, MessagesSquare, Receipt, ReceiptText, Settings, ShieldCheck, UserRound, Users, type LucideIcon } from 'lucide-react';
import type { ComponentType } from 'react';
import type { OrgRole } from '@/lib/membership';
import { MessagesUnreadBadge } from '@/features/messages/components/unread-badge';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** The least role that sees the item. */
  minRole: OrgRole;
  /** A live count shown after the label (renders nothing when there is nothing to count). */
  badge?: ComponentType;
}

export interface NavSection {
  title?: string;
  items: NavItem[];
}

/** The sidebar; a module adds its pages here as it lands. Items are shown by role, routes guard themselves too. */
export const NAV: NavSection[] = [
  {
    items: [
      { to: '/', label: 'Dashboard', icon: LayoutDashboard, minRole: 'client' },
      { to: '/notifications', label: 'Notifications', icon: Bell, minRole: 'client' },
      { to: '/messages', label: 'Messages', icon: MessagesSquare, minRole: 'client', badge: MessagesUnreadBadge },
    ],
  },
  {
    title: 'Work',
    items: [
      { to: '/clients', label: 'Clients', icon: Building2, minRole: 'member' },
      { to: '/projects', label: 'Projects', icon: FolderKanban, minRole: 'client' },
      { to: '/tasks', label: 'My tasks', icon: ListChecks, minRole: 'member' },
      { to: '/time', label: 'Time', icon: Clock, minRole: 'member' },
      { to: '/capacity', label: 'Capacity', icon: Gauge, minRole: 'member' },
      { to: '/reports', label: 'Reports', icon: FileText, minRole: 'client' },
      { to: '/crowd', label: 'Crowd projects', icon: HandCoins, minRole: 'client' },
    ],
  },
  {
    title: 'Money',
    items: [
      { to: '/estimates', label: 'Estimates', icon: Calculator, minRole: 'client' },
      { to: '/invoices', label: 'Invoices', icon: Receipt, minRole: 'client' },
    ],
  },
  {
    title: 'Settings',
    items: [
      { to: '/settings/profile', label: 'Profile', icon: UserRound, minRole: 'client' },
      { to: '/settings/security', label: 'Security', icon: ShieldCheck, minRole: 'client' },
      { to: '/settings/members', label: 'Members', icon: Users, minRole: 'manager' },
      { to: '/settings/organization', label: 'Organization', icon: Settings, minRole: 'admin' },
      { to: '/settings/intake', label: 'Intake form', icon: Inbox, minRole: 'admin' },
      { to: '/settings/invoicing', label: 'Invoicing', icon: ReceiptText, minRole: 'admin' },
      { to: '/settings/plan', label: 'Plan', icon: CreditCard, minRole: 'admin' },
    ],
  },
];
