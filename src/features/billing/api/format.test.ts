import { describe, expect, it } from 'vitest';
import { atLimit, limitLabel, limitLines, statusLabel } from './format';

describe('plan formatting', () => {
  it('names limits, unlimited included', () => {
    expect(limitLabel(5, 'active projects')).toBe('5 active projects');
    expect(limitLabel(null, 'staff seats')).toBe('Unlimited staff seats');
    expect(limitLines({ max_active_projects: 50, max_staff: null })).toEqual(['50 active projects', 'Unlimited staff seats']);
  });

  it('knows when a limit is reached', () => {
    expect(atLimit(5, 5)).toBe(true);
    expect(atLimit(4, 5)).toBe(false);
    expect(atLimit(1000, null)).toBe(false);
  });

  it('labels Stripe statuses', () => {
    expect(statusLabel('past_due')).toBe('Payment due');
    expect(statusLabel('something_new')).toBe('something_new');
  });
});
