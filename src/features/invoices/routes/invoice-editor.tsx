import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { Link, useNavigate, useParams } from 'react-router';
import { addDays, format } from 'date-fns';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonRows } from '@/components/ui/skeleton';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { Forbidden } from '@/components/forbidden';
import { LineItemsEditor } from '@/components/money/line-items-editor';
import { useClientOptions } from '@/lib/client-options';
import { errorMessage } from '@/lib/errors';
import { emptyLine, lineToDraft, parseLines, type LineErrors } from '@/lib/line-items';
import { hasRole, useMembership } from '@/lib/membership';
import { minorToInput, parsePercent } from '@/lib/money';
import { useOrgBilling, type OrgBilling } from '@/lib/org-billing';
import { toast } from '@/lib/toast';
import { useInvoice, type InvoiceDetail } from '../api/invoice';
import { useInvoiceMutation } from '../api/keys';
import { useInvoiceProjects } from '../api/projects';
import { saveInvoice } from '../api/save-invoice';
import { invoiceColumns, invoiceFormSchema, type InvoiceFormValues } from '../api/schemas';
import { RECURRENCE_LABEL, type RecurrenceInterval } from '../api/statuses';

/** /invoices/new and /invoices/:invoiceId/edit — a draft's terms and lines (staff only; drafts only). */
export default function InvoiceEditorRoute() {
  const { invoiceId } = useParams();
  const { current } = useMembership();
  const org = useOrgBilling(current.organizationId);
  const invoice = useInvoice(current.organizationId, invoiceId ?? '');
  if (!hasRole(current.role, 'member')) return <Forbidden what="invoice editing" />;
  if (org.isPending || (invoiceId && invoice.isPending)) return <SkeletonRows rows={8} label="Loading the invoice" />;
  if (org.error) return <Alert>The billing settings could not be loaded: {errorMessage(org.error)}</Alert>;
  if (invoiceId) {
    if (invoice.error) return <Alert>The invoice could not be loaded: {errorMessage(invoice.error)}</Alert>;
    if (!invoice.data) return <Alert>This invoice does not exist.</Alert>;
    if (invoice.data.status !== 'draft')
      return (
        <Alert>
          {invoice.data.number} was sent and can no longer be edited. <Link className="underline" to={`/invoices/${invoiceId}`}>Open it</Link>
        </Alert>
      );
  }
  return <InvoiceForm organizationId={current.organizationId} org={org.data} invoice={invoiceId ? invoice.data ?? undefined : undefined} />;
}

function defaults(org: OrgBilling, invoice?: InvoiceDetail): InvoiceFormValues {
  const today = new Date();
  if (!invoice)
    return {
      client_id: '',
      project_id: '',
      issue_on: format(today, 'yyyy-MM-dd'),
      due_on: format(addDays(today, org.payment_terms_days), 'yyyy-MM-dd'),
      discount: '',
      deposit: '',
      deposit_due_on: '',
      recurrence: '',
      recurrence_next_on: '',
      recurrence_ends: 'never',
      recurrence_ends_on: '',
      recurrence_count: '',
      notes: '',
      terms: '',
      items: [emptyLine(org.default_tax_rate_bp)],
    };
  return {
    client_id: invoice.client_id ?? '',
    project_id: invoice.project_id ?? '',
    issue_on: invoice.issue_on,
    due_on: invoice.due_on,
    discount: invoice.discount_bp ? String(invoice.discount_bp / 100) : '',
    deposit: invoice.deposit_amount ? minorToInput(invoice.deposit_amount, invoice.currency) : '',
    deposit_due_on: invoice.deposit_due_on ?? '',
    recurrence: invoice.recurrence ?? '',
    recurrence_next_on: invoice.recurrence_next_on ?? '',
    recurrence_ends: invoice.recurrence_ends_on ? 'on' : invoice.recurrence_remaining !== null ? 'after' : 'never',
    recurrence_ends_on: invoice.recurrence_ends_on ?? '',
    recurrence_count: invoice.recurrence_remaining !== null ? String(invoice.recurrence_remaining) : '',
    notes: invoice.notes ?? '',
    terms: invoice.terms ?? '',
    items: invoice.items.length
      ? invoice.items.map((i) => lineToDraft({ description: i.description, quantity: Number(i.quantity), unit_amount: i.unit_amount, tax_rate_bp: i.tax_rate_bp }, invoice.currency))
      : [emptyLine(org.default_tax_rate_bp)],
  };
}

function InvoiceForm({ organizationId, org, invoice }: { organizationId: string; org: OrgBilling; invoice?: InvoiceDetail }) {
  const navigate = useNavigate();
  const clients = useClientOptions(organizationId, true, (all) => all.filter((c) => c.status !== 'archived' || c.id === invoice?.client_id));
  const projects = useInvoiceProjects(organizationId);
  const save = useInvoiceMutation(organizationId, saveInvoice);
  const form = useForm<InvoiceFormValues>({ resolver: standardSchemaResolver(invoiceFormSchema), defaultValues: defaults(org, invoice) });
  const [itemErrors, setItemErrors] = useState<LineErrors[]>([]);
  const { errors } = form.formState;
  const currency = org.currency;
  const clientId = useWatch({ control: form.control, name: 'client_id' });
  const recurrence = useWatch({ control: form.control, name: 'recurrence' });
  const ends = useWatch({ control: form.control, name: 'recurrence_ends' });
  const discountBp = parsePercent(useWatch({ control: form.control, name: 'discount' })) ?? 0;

  const handleSubmit = form.handleSubmit((values) => {
    const lines = parseLines(values.items, currency);
    setItemErrors(lines.errors);
    if (!lines.values) return;
    const mapped = invoiceColumns(values, currency);
    if ('error' in mapped) return form.setError(mapped.field, { message: mapped.error });
    save.mutate(
      { organizationId, currency, invoiceId: invoice?.id, columns: mapped.columns, items: lines.values, previousItemIds: invoice?.items.map((i) => i.id) ?? [] },
      {
        onSuccess: (id) => {
          toast(invoice ? `${invoice.number} was saved.` : 'The draft invoice was created.');
          navigate(`/invoices/${id}`);
        },
      },
    );
  });

  const projectOptions = (projects.data ?? []).filter((p) => !clientId || p.client_id === clientId);
  return (
    <>
      <PageHeader title={invoice ? `Edit ${invoice.number}` : 'New invoice'} description={`A draft in ${currency}; the client sees it once you send it. Totals are computed by the server.`} />
      <form onSubmit={handleSubmit} noValidate className="space-y-6">
        {save.error && <Alert>The invoice could not be saved: {errorMessage(save.error)}</Alert>}
        <Card title="Client and dates">
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Client"
              error={errors.client_id?.message}
              options={[{ value: '', label: clients.isPending ? 'Loading clients…' : 'Choose a client' }, ...(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
              {...form.register('client_id')}
            />
            <SelectField label="Project (optional)" options={[{ value: '', label: 'No project' }, ...projectOptions.map((p) => ({ value: p.id, label: p.name }))]} {...form.register('project_id')} />
            <TextField label="Issue date" type="date" error={errors.issue_on?.message} {...form.register('issue_on')} />
            <TextField label="Due date" type="date" hint={`Payment terms: ${org.payment_terms_days} days`} error={errors.due_on?.message} {...form.register('due_on')} />
          </div>
        </Card>
        <Card title="Items">
          <Controller
            control={form.control}
            name="items"
            render={({ field }) => (
              <LineItemsEditor value={field.value} onChange={field.onChange} errors={itemErrors} currency={currency} defaultTaxBp={org.default_tax_rate_bp} discountBp={discountBp} />
            )}
          />
          <div className="mt-4 max-w-48">
            <TextField label="Invoice discount %" inputMode="decimal" placeholder="0" error={errors.discount?.message} {...form.register('discount')} />
          </div>
        </Card>
        <Card title="Deposit" description="Part of the total due earlier, on its own date (optional).">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField label={`Deposit amount (${currency})`} inputMode="decimal" error={errors.deposit?.message} {...form.register('deposit')} />
            <TextField label="Deposit due on" type="date" error={errors.deposit_due_on?.message} {...form.register('deposit_due_on')} />
          </div>
        </Card>
        <Card title="Recurrence" description="Issue a copy of this invoice every period (optional).">
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Repeat"
              options={[{ value: '', label: 'Does not repeat' }, ...(Object.keys(RECURRENCE_LABEL) as RecurrenceInterval[]).map((r) => ({ value: r, label: RECURRENCE_LABEL[r] }))]}
              {...form.register('recurrence')}
            />
            {recurrence && <TextField label="Next one issued on" type="date" error={errors.recurrence_next_on?.message} {...form.register('recurrence_next_on')} />}
            {recurrence && (
              <SelectField
                label="Ends"
                options={[
                  { value: 'never', label: 'Never' },
                  { value: 'on', label: 'On a date' },
                  { value: 'after', label: 'After a number of invoices' },
                ]}
                {...form.register('recurrence_ends')}
              />
            )}
            {recurrence && ends === 'on' && <TextField label="End date" type="date" error={errors.recurrence_ends_on?.message} {...form.register('recurrence_ends_on')} />}
            {recurrence && ends === 'after' && <TextField label="Number of invoices" inputMode="numeric" error={errors.recurrence_count?.message} {...form.register('recurrence_count')} />}
          </div>
        </Card>
        <Card title="Notes and terms">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextareaField label="Notes" rows={4} error={errors.notes?.message} {...form.register('notes')} />
            <TextareaField label="Terms" rows={4} error={errors.terms?.message} {...form.register('terms')} />
          </div>
        </Card>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => navigate(invoice ? `/invoices/${invoice.id}` : '/invoices')}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {invoice ? 'Save draft' : 'Create draft'}
          </Button>
        </div>
      </form>
    </>
  );
}
