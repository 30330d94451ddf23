import { describe, expect, it } from 'vitest';
import { StackClock, parseClockSpec } from './clock.ts';

describe('StackClock', () => {
  const real = Date.parse('2026-05-01T10:00:00Z');

  it('moves by ISO times and relative shifts, and resets', () => {
    const clock = new StackClock(() => real);
    expect(clock.set('2026-05-02T02:59:58Z').toISOString()).toBe('2026-05-02T02:59:58.000Z');
    expect(clock.set('+1h').toISOString()).toBe('2026-05-02T03:59:58.000Z');
    expect(clock.set('-30m').toISOString()).toBe('2026-05-02T03:29:58.000Z');
    expect(clock.set('+2d').toISOString()).toBe('2026-05-04T03:29:58.000Z');
    expect(clock.set('reset').getTime()).toBe(real);
    expect(clock.offset).toBe(0);
  });

  it('rejects anything else with a usable message and keeps the time', () => {
    const clock = new StackClock(() => real);
    for (const bad of ['tomorrow', '+1w', '1h', '', '2026-13-45']) {
      expect(() => clock.set(bad), bad).toThrow(/expected an ISO time/);
    }
    expect(clock.now().getTime()).toBe(real);
    expect(() => parseClockSpec('+5x', new Date(real), real)).toThrow();
  });
});
