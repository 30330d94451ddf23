import { Globe, Mail, Phone } from 'lucide-react';
import { Card } from '@/components/ui/card';
import type { ClientRecord } from '../api/client';

function websiteHref(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}

/** How to reach the client as a company; people are under Contacts. */
export function DetailsCard({ client }: { client: ClientRecord }) {
  const rows = [
    client.email && { icon: Mail, label: 'Email', node: <a href={`mailto:${client.email}`} className="break-all hover:underline">{client.email}</a> },
    client.phone && { icon: Phone, label: 'Phone', node: <a href={`tel:${client.phone.replace(/\s+/g, '')}`} className="hover:underline">{client.phone}</a> },
    client.website && {
      icon: Globe,
      label: 'Website',
      node: (
        <a href={websiteHref(client.website)} target="_blank" rel="noreferrer noopener" className="break-all hover:underline">
          {client.website.replace(/^https?:\/\//i, '')}
        </a>
      ),
    },
  ].filter(Boolean) as Array<{ icon: typeof Mail; label: string; node: React.ReactNode }>;
  return (
    <Card title="Company">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No email, phone or website yet. Use “Edit details” above.</p>
      ) : (
        <dl className="space-y-2 text-sm">
          {rows.map((r) => (
            <div key={r.label} className="flex items-start gap-2">
              <dt>
                <r.icon className="mt-0.5 size-4 text-slate-400" aria-hidden />
                <span className="sr-only">{r.label}</span>
              </dt>
              <dd className="min-w-0">{r.node}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
