import type { Person } from './types';

/** The emoji the reaction picker offers. */
export const EMOJIS = ['👍', '❤️', '😂', '🎉', '😮', '😢', '🙏', '👀', '✅', '🔥', '🚀', '💯'];

/** Who reacted, for the tooltip: "Ana, Bo and 3 others". */
export function whoReacted(names: string[]): string {
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.slice(0, 3).join(', ')} and ${names.length - 3} others`;
}

export function typingText(people: Person[]): string {
  if (!people.length) return '';
  if (people.length === 1) return `${people[0]!.name} is typing…`;
  if (people.length === 2) return `${people[0]!.name} and ${people[1]!.name} are typing…`;
  return 'Several people are typing…';
}
