import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Mail, Pencil, Phone, Plus, Trash2, UsersRound } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Dialog } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { TextField } from '@/components/ui/text-field';
import { errorMessage } from '@/lib/errors';
import { toast } from '@/lib/toast';
import { useUpdateClient, type ClientRecord } from '../api/client';
import { MAX_CONTACTS, contactSchema, contactsColumn, parseContacts, type Contact } from '../api/schemas';

const EMPTY: Contact = { name: '', email: '', phone: '', role: '' };

/** The people to talk to at a client; the first one is the primary contact. */
export function ContactsCard({ organizationId, client }: { organizationId: string; client: ClientRecord }) {
  const contacts = parseContacts(client.contacts);
  const update = useUpdateClient(organizationId, client.id);
  // null: closed; -1: adding; otherwise the index being edited.
  const [editing, setEditing] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);

  const save = (next: Contact[], done: string, after: () => void) =>
    update.mutate({ contacts: contactsColumn(next) }, { onSuccess: () => (toast(done), after()) });

  return (
    <Card
      title="Contacts"
      description="The first contact is the primary one."
      actions={
        contacts.length > 0 && contacts.length < MAX_CONTACTS ? (
          <Button variant="secondary" onClick={() => (update.reset(), setEditing(-1))}>
            <Plus className="size-4" aria-hidden /> Add contact
          </Button>
        ) : undefined
      }
    >
      {contacts.length === 0 ? (
        <EmptyState
          icon={UsersRound}
          title="No contacts yet"
          action={
            <Button variant="secondary" onClick={() => (update.reset(), setEditing(-1))}>
              <Plus className="size-4" aria-hidden /> Add contact
            </Button>
          }
        >
          Who do you talk to at {client.name}?
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {contacts.map((c, i) => (
            <li key={`${i}-${c.name}`} className="flex flex-wrap items-start gap-3 py-3 first:pt-0 last:pb-0">
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium">
                  {c.name}
                  {i === 0 && contacts.length > 1 && <span className="ml-2 text-xs font-normal text-slate-500 dark:text-slate-400">Primary</span>}
                </p>
                {c.role && <p className="text-slate-600 dark:text-slate-400">{c.role}</p>}
                <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-slate-600 dark:text-slate-400">
                  {c.email && (
                    <a href={`mailto:${c.email}`} className="inline-flex items-center gap-1 hover:underline">
                      <Mail className="size-3.5" aria-hidden /> {c.email}
                    </a>
                  )}
                  {c.phone && (
                    <a href={`tel:${c.phone.replace(/\s+/g, '')}`} className="inline-flex items-center gap-1 hover:underline">
                      <Phone className="size-3.5" aria-hidden /> {c.phone}
                    </a>
                  )}
                </div>
              </div>
              <Button variant="ghost" aria-label={`Edit contact ${c.name}`} onClick={() => (update.reset(), setEditing(i))}>
                <Pencil className="size-4" aria-hidden />
              </Button>
              <Button variant="ghost" aria-label={`Remove contact ${c.name}`} onClick={() => setRemoving(i)}>
                <Trash2 className="size-4 text-red-600" aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {editing !== null && (
        <ContactDialog
          initial={editing === -1 ? EMPTY : contacts[editing]!}
          title={editing === -1 ? `Add a contact at ${client.name}` : `Edit ${contacts[editing]!.name}`}
          pending={update.isPending}
          error={update.error}
          onCancel={() => setEditing(null)}
          onSave={(contact) => {
            const next = editing === -1 ? [...contacts, contact] : contacts.map((c, i) => (i === editing ? contact : c));
            save(next, editing === -1 ? `${contact.name} was added.` : 'Contact saved.', () => setEditing(null));
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing !== null ? contacts[removing]?.name : ''}?`}
        description="They are removed from this client's contacts."
        confirmLabel="Remove contact"
        pending={update.isPending}
        onConfirm={() => {
          const gone = contacts[removing!]!;
          update.mutate(
            { contacts: contactsColumn(contacts.filter((_, i) => i !== removing)) },
            {
              onSuccess: () => (toast(`${gone.name} was removed.`), setRemoving(null)),
              onError: (e) => (toast(errorMessage(e), { tone: 'error' }), setRemoving(null)),
            },
          );
        }}
        onCancel={() => setRemoving(null)}
      />
    </Card>
  );
}

interface ContactDialogProps {
  initial: Contact;
  title: string;
  pending: boolean;
  error: Error | null;
  onSave: (contact: Contact) => void;
  onCancel: () => void;
}

function ContactDialog({ initial, title, pending, error, onSave, onCancel }: ContactDialogProps) {
  const form = useForm<Contact>({ resolver: standardSchemaResolver(contactSchema), defaultValues: initial });
  const { errors } = form.formState;
  return (
    <Dialog open onClose={onCancel} title={title}>
      <form onSubmit={form.handleSubmit(onSave)} noValidate className="space-y-4">
        {error && <Alert>{errorMessage(error)}</Alert>}
        <TextField label="Name" autoFocus error={errors.name?.message} {...form.register('name')} />
        <TextField label="Role" placeholder="e.g. Marketing lead" error={errors.role?.message} {...form.register('role')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
          <TextField label="Phone" type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
        </div>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Save contact
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
