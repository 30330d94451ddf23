import { describe, expect, it } from 'vitest';
import { filterMembers, formatMention, insertMention, mentionQueryAt, parseMentions, plainText, splitMentions } from './mentions';

const ANA = '10000000-0000-4000-9000-000000000004';
const BO = '10000000-0000-4000-9000-000000000003';

describe('mention tokens', () => {
  it('formats a token and strips characters that would break it', () => {
    expect(formatMention({ userId: ANA, name: 'Ana Lopez' })).toBe(`@[Ana Lopez](${ANA})`);
    expect(formatMention({ userId: ANA, name: 'Ana [x] (y)' })).toBe(`@[Ana x y](${ANA})`);
  });
  it('parses distinct mentions in order', () => {
    const body = `hi @[Ana](${ANA}) and @[Bo](${BO}), again @[Ana](${ANA})`;
    expect(parseMentions(body)).toEqual([
      { userId: ANA, name: 'Ana' },
      { userId: BO, name: 'Bo' },
    ]);
  });
  it('ignores malformed tokens', () => {
    expect(parseMentions('@[Ana](not-a-uuid) @Ana [Ana](' + ANA + ')')).toEqual([]);
  });
  it('splits a body into text and mentions', () => {
    expect(splitMentions(`@[Ana](${ANA}) look`)).toEqual([
      { type: 'mention', userId: ANA, name: 'Ana' },
      { type: 'text', text: ' look' },
    ]);
    expect(splitMentions('plain')).toEqual([{ type: 'text', text: 'plain' }]);
  });
  it('turns tokens into @names for previews', () => {
    expect(plainText(`ping @[Ana Lopez](${ANA})`)).toBe('ping @Ana Lopez');
  });
});

describe('the @query at the caret', () => {
  it('finds a query after a space or at the start', () => {
    expect(mentionQueryAt('hello @an', 9)).toEqual({ start: 6, query: 'an' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('@Ana Lo', 7)).toEqual({ start: 0, query: 'Ana Lo' });
  });
  it('ignores e-mail addresses, line breaks and finished tokens', () => {
    expect(mentionQueryAt('mail me@example', 15)).toBeNull();
    expect(mentionQueryAt('@an\nx', 5)).toBeNull();
    expect(mentionQueryAt(`@[Ana](${ANA}) `, 44)).toBeNull();
    expect(mentionQueryAt('@one two three', 14)).toBeNull();
  });
  it('inserts the token and moves the caret after it', () => {
    const text = 'hey @an, see';
    const q = mentionQueryAt(text, 7)!;
    const result = insertMention(text, q, 7, { userId: ANA, name: 'Ana' });
    expect(result.text).toBe(`hey @[Ana](${ANA}) , see`);
    expect(result.caret).toBe(`hey @[Ana](${ANA}) `.length);
  });
});

describe('filterMembers', () => {
  const people = [{ name: 'Ana Lopez' }, { name: 'Bo Chen' }, { name: 'Lola Ana' }, { name: 'Anabel' }];
  it('puts names that start with the query first, then word matches', () => {
    expect(filterMembers(people, 'ana').map((p) => p.name)).toEqual(['Ana Lopez', 'Anabel', 'Lola Ana']);
  });
  it('returns everyone (up to the limit) for an empty query', () => {
    expect(filterMembers(people, '', 2)).toHaveLength(2);
  });
});
