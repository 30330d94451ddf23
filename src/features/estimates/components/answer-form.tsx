import { useState } from 'react';
import { addDays, format } from 'date-fns';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { LineItemsEditor } from '@/components/money/line-items-editor';
import { errorMessage } from '@/lib/errors';
import { emptyLine, lineToDraft, parseLines, type LineDraft, type LineErrors, type LineValue } from '@/lib/line-items';
import type { OrgBilling } from '@/lib/org-billing';
import { toast } from '@/lib/toast';
import type { EstimateDetail } from '../api/estimate';
import { answerEstimate } from '../api/estimate-actions';
import { useEstimateMutation } from '../api/keys';

/** Staff's answer: scope (markdown), line items with live totals, timeline, dates, valid until → answer_estimate. */
export function AnswerForm({ estimate, org, onDone }: { estimate: EstimateDetail; org: OrgBilling; onDone: () => void }) {
  const answer = useEstimateMutation(estimate.organization_id, answerEstimate);
  const existing = Array.isArray(estimate.line_items) ? (estimate.line_items as unknown as LineValue[]) : [];
  const [scope, setScope] = useState(estimate.scope ?? '');
  const [lines, setLines] = useState<LineDraft[]>(existing.length ? existing.map((l) => lineToDraft(l, estimate.currency)) : [emptyLine(org.default_tax_rate_bp)]);
  const [lineErrors, setLineErrors] = useState<LineErrors[]>([]);
  const [timeline, setTimeline] = useState(estimate.timeline ?? '');
  const [startsOn, setStartsOn] = useState(estimate.starts_on ?? '');
  const [deliversOn, setDeliversOn] = useState(estimate.delivers_on ?? '');
  const [validUntil, setValidUntil] = useState(estimate.valid_until ?? format(addDays(new Date(), org.estimate_valid_days), 'yyyy-MM-dd'));
  const [scopeError, setScopeError] = useState<string>();
  const [dateError, setDateError] = useState<string>();

  const handleSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseLines(lines, estimate.currency);
    setLineErrors(parsed.errors);
    setScopeError(scope.trim() ? undefined : 'Describe the scope of the work');
    setDateError(startsOn && deliversOn && deliversOn < startsOn ? 'Delivery comes before the start' : undefined);
    if (!parsed.values || !scope.trim() || (startsOn && deliversOn && deliversOn < startsOn)) return;
    answer.mutate(
      { estimateId: estimate.id, scope, lines: parsed.values, timeline, startsOn, deliversOn, validUntil },
      {
        onSuccess: () => {
          toast('The answer was sent to the client.');
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={handleSubmit} noValidate className="space-y-4">
      {answer.error && <Alert>The answer could not be sent: {errorMessage(answer.error)}</Alert>}
      <TextareaField label="Scope" rows={6} hint="Markdown: **bold**, lists, links." value={scope} error={scopeError} onChange={(e) => setScope(e.target.value)} />
      <LineItemsEditor value={lines} onChange={setLines} errors={lineErrors} currency={estimate.currency} defaultTaxBp={org.default_tax_rate_bp} />
      <TextareaField label="Timeline" rows={2} maxLength={2000} value={timeline} onChange={(e) => setTimeline(e.target.value)} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Starts on" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        <TextField label="Delivered by" type="date" value={deliversOn} error={dateError} onChange={(e) => setDeliversOn(e.target.value)} />
        <TextField label="Valid until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
      </div>
      <div className="flex justify-end gap-2">
        <Button type="submit" loading={answer.isPending}>
          {estimate.status === 'answered' ? 'Send updated answer' : 'Send answer'}
        </Button>
      </div>
    </form>
  );
}
