import { describe, expect, it } from 'vitest';
import { parseMessages } from './rest.ts';

describe('REST broadcast body', () => {
  it('accepts messages with topic and event, private defaulting to false', () => {
    expect(parseMessages({ messages: [{ topic: 'room', event: 'e', payload: { a: 1 } }] })).toEqual({
      messages: [{ topic: 'room', event: 'e', payload: { a: 1 }, private: false }],
    });
  });

  it('rejects bodies without messages, topic or event', () => {
    for (const body of [null, {}, { messages: [] }, { messages: [{ event: 'e' }] }, { messages: [{ topic: 't' }] }, { messages: [{ topic: 't', event: 'e', private: 'yes' }] }]) {
      expect(parseMessages(body)).toHaveProperty('error');
    }
  });
});
