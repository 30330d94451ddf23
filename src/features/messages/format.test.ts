import { describe, expect, it } from 'vitest';
import { typingText, whoReacted } from './format';

describe('who reacted', () => {
  it('names up to three people, then counts the rest', () => {
    expect(whoReacted(['You'])).toBe('You');
    expect(whoReacted(['You', 'Ana'])).toBe('You and Ana');
    expect(whoReacted(['You', 'Ana', 'Bo'])).toBe('You, Ana and Bo');
    expect(whoReacted(['You', 'Ana', 'Bo', 'Cy', 'Di'])).toBe('You, Ana, Bo and 2 others');
  });
});

describe('typing text', () => {
  const p = (name: string) => ({ userId: name, name, avatarUrl: null });
  it('says who is typing', () => {
    expect(typingText([])).toBe('');
    expect(typingText([p('Ana')])).toBe('Ana is typing…');
    expect(typingText([p('Ana'), p('Bo')])).toBe('Ana and Bo are typing…');
    expect(typingText([p('Ana'), p('Bo'), p('Cy')])).toBe('Several people are typing…');
  });
});
