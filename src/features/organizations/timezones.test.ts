import { describe, expect, it } from 'vitest';
import { timezoneOptions } from './timezones';

describe('timezoneOptions', () => {
  it('offers UTC first, once, and keeps a saved zone the browser does not list', () => {
    const zones = timezoneOptions('UTC');
    expect(zones[0]).toBe('UTC');
    expect(zones.filter((z) => z === 'UTC')).toHaveLength(1);
    expect(timezoneOptions('Mars/Olympus')[0]).toBe('Mars/Olympus');
  });
});
