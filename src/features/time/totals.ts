// Totals of a list of time entries, in minutes (the running timer is not counted until it stops).

export interface EntryTotals {
  total: number;
  billable: number;
  nonBillable: number;
}

export function entryTotals(entries: ReadonlyArray<{ minutes: number | null; billable: boolean; ended_at: string | null }>): EntryTotals {
  let billable = 0;
  let nonBillable = 0;
  for (const e of entries) {
    if (e.ended_at === null) continue;
    if (e.billable) billable += e.minutes ?? 0;
    else nonBillable += e.minutes ?? 0;
  }
  return { total: billable + nonBillable, billable, nonBillable };
}
