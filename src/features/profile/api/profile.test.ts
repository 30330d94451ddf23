import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/supabase', () => ({ supabase: {} }));
const { avatarProblem, parseSkills, profileSchema } = await import('./profile');

describe('profile helpers', () => {
  it('turns a comma list into distinct skills', () => {
    expect(parseSkills('design, ux , , research, design')).toEqual(['design', 'ux', 'research']);
  });

  it('checks avatar files before uploading', () => {
    expect(avatarProblem(new File(['x'], 'a.png', { type: 'image/png' }))).toBeNull();
    expect(avatarProblem(new File(['x'], 'a.pdf', { type: 'application/pdf' }))).toMatch(/PNG, JPEG/);
    expect(avatarProblem(new File([new Uint8Array(3 * 1024 * 1024)], 'big.png', { type: 'image/png' }))).toMatch(/2 MB/);
  });

  it('accepts an empty username and refuses a malformed one', () => {
    const base = { display_name: 'Ana', headline: '', bio: '', skills: '', is_public: false };
    expect(profileSchema.safeParse({ ...base, username: '' }).success).toBe(true);
    expect(profileSchema.safeParse({ ...base, username: 'Ana Lopes' }).success).toBe(false);
  });
});
