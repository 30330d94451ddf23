import { describe, expect, it, vi } from 'vitest';
import { startEarly, takeEarly } from './early';

describe('early requests', () => {
  it('hands an early result to the first fetch only', async () => {
    startEarly('k1', async () => 'early');
    const fetch = vi.fn(async () => 'late');
    await expect(takeEarly('k1', fetch)).resolves.toBe('early');
    await expect(takeEarly('k1', fetch)).resolves.toBe('late');
    expect(fetch).toHaveBeenCalledOnce();
  });
  it('fetches again when the early request failed', async () => {
    startEarly('k2', async () => {
      throw new Error('signed out');
    });
    await expect(takeEarly('k2', async () => 'fresh')).resolves.toBe('fresh');
  });
  it('fetches as usual when nothing was started', async () => {
    await expect(takeEarly('k3', async () => 'plain')).resolves.toBe('plain');
  });
});
