import { describe, expect, it } from 'vitest';
import { checkFiles, requestSchema, type RequestValues } from './request-estimate';
import { readEstimateParams, writeEstimateParams } from './list-params';

const schema = requestSchema(() => 'EUR');
const base: RequestValues = { client_id: 'c', service: 'Website', other_service: '', description: 'A shop', budget_min: '', budget_max: '', wished_deadline: '' };
const issues = (v: RequestValues) => (schema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('estimate request form', () => {
  it('accepts a plain request', () => expect(issues(base)).toEqual([]));
  it('repeats the table rules', () => {
    expect(issues({ ...base, description: '  ' })).toContain('description: Describe what you need');
    expect(issues({ ...base, client_id: '' })).toContain('client_id: Choose the client');
    expect(issues({ ...base, service: 'Other' })).toContain('other_service: Name the service');
    expect(issues({ ...base, budget_min: 'lots' })).toContain('budget_min: Enter an amount such as 5,000');
    expect(issues({ ...base, budget_min: '6000', budget_max: '4,000' })).toContain('budget_max: The maximum is at least the minimum');
    expect(issues({ ...base, budget_min: '4000', budget_max: '6,000.50' })).toEqual([]);
  });
  it('limits attachments to 5 files of 10 MB with distinct names', () => {
    const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
    expect(checkFiles([file('a'), file('b')])).toBeNull();
    expect(checkFiles(['1', '2', '3', '4', '5', '6'].map((n) => file(n)))).toBe('Attach at most 5 files');
    expect(checkFiles([file('a'), file('a')])).toBe('Two files have the same name');
    expect(checkFiles([file('big', 10 * 1024 * 1024 + 1)])).toBe('big is larger than 10 MB');
  });
});

describe('estimate list params', () => {
  it('round-trips and ignores junk', () => {
    const p = readEstimateParams(new URLSearchParams('status=answered&client=x&page=2'));
    expect(p).toEqual({ status: 'answered', client: '', page: 2 });
    expect(writeEstimateParams(p).toString()).toBe('status=answered&page=2');
  });
});
