// The parser behind <Markdown> (markdown.tsx): a small Markdown subset as a plain tree of nodes.
// Headings, paragraphs, bullet and numbered lists (nested by indentation), horizontal rules, and
// inline bold, italic, `code`, links and bare http(s) addresses. Anything else, HTML included, stays
// text. Only http(s) and mailto addresses become links. Linear-time on hostile input: closing
// delimiters are looked for within a bounded window and nesting depth is capped.
export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: InlineNode[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: InlineNode[] }
  | { type: 'mention'; userId: string; name: string }
  | { type: 'break' };

export type BlockNode =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'list'; ordered: boolean; start: number; items: ListItem[] }
  | { type: 'rule' };

export interface ListItem {
  children: InlineNode[];
  sublists: Array<Extract<BlockNode, { type: 'list' }>>;
}

export interface MarkdownOptions {
  /** Turn single newlines inside a paragraph into line breaks (chat-style) instead of spaces. */
  breaks?: boolean;
  /** Read `@[Display Name](user-id)` tokens (chat mentions) as mention nodes instead of text. */
  mentions?: boolean;
}

/** Only these schemes become links; everything else (javascript:, data:, relative paths) stays text. */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // Control characters and whitespace inside an address are a classic way to smuggle a scheme.
  if (!href || [...href].some((ch) => ch.charCodeAt(0) <= 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f))) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href);
    if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
    if (url.protocol !== 'mailto:' && !url.hostname) return null;
  } catch {
    return null;
  }
  return href;
}

// ---------------------------------------------------------------------------------------------------
// Inline
// ---------------------------------------------------------------------------------------------------
const ESCAPABLE = '\\`*_{}[]()#+-.!<>~|';
/** How far a closing delimiter is looked for; keeps unmatched input linear rather than quadratic. */
const SEARCH_WINDOW = 2000;
const EMPHASIS_WINDOW = 500;
const LABEL_WINDOW = 500;
const MAX_DEPTH = 6;
const MENTION = /^@\[([^\]\n]{1,80})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/i;
const URL_PATTERN = /^https?:\/\/[^\s<>"'`]*[^\s<>"'`.,:;!?)\]]/i;

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || (c > '~' && /\s/.test(c));
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The index of a closing delimiter for an opener at `from`, or -1. */
function findCloser(text: string, delim: string, from: number): number {
  const limit = Math.min(text.length, from + EMPHASIS_WINDOW);
  let i = from;
  while (i < limit) {
    const at = text.indexOf(delim, i);
    if (at === -1 || at >= limit) return -1;
    const before = text[at - 1];
    const after = text[at + delim.length];
    const escaped = before === '\\';
    const single = delim.length === 1;
    // A single * or _ that is half of a double delimiter is not a closer for emphasis.
    const partOfDouble = single && (after === delim || before === delim);
    const intraword = delim[0] === '_' && isWordChar(after);
    if (at > from && !escaped && !isSpace(before) && !partOfDouble && !intraword) return at;
    i = at + 1;
  }
  return -1;
}

export function parseInline(text: string, options: MarkdownOptions = {}, depth = 0): InlineNode[] {
  const nodes: InlineNode[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];

    if (c === '\\' && next !== undefined && ESCAPABLE.includes(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (c === '\n') {
      flush();
      nodes.push(options.breaks ? { type: 'break' } : { type: 'text', text: ' ' });
      i += 1;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1 && end - i < SEARCH_WINDOW) {
        flush();
        nodes.push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (c === '*' || c === '_')) {
      const double = next === c;
      const delim = double ? c + c : c;
      const open = i + delim.length;
      const opensWord = !isSpace(text[open]) && !(c === '_' && isWordChar(text[i - 1]));
      if (opensWord) {
        const close = findCloser(text, delim, open);
        if (close !== -1) {
          flush();
          nodes.push({ type: double ? 'strong' : 'em', children: parseInline(text.slice(open, close), options, depth + 1) });
          i = close + delim.length;
          continue;
        }
      }
      // No partner: the run of delimiters is plain text.
      buffer += delim;
      i = open;
      continue;
    }
    if (c === '@' && options.mentions && next === '[') {
      const mention = MENTION.exec(text.slice(i, i + 130));
      if (mention) {
        flush();
        nodes.push({ type: 'mention', name: mention[1]!, userId: mention[2]!.toLowerCase() });
        i += mention[0].length;
        continue;
      }
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const link = parseLink(text, i);
      if (link) {
        flush();
        const children = parseInline(link.label, options, depth + 1);
        const href = safeHref(link.href);
        if (href) nodes.push({ type: 'link', href, children });
        else nodes.push(...children);
        i = link.end;
        continue;
      }
    }
    if ((c === 'h' || c === 'H') && !isWordChar(text[i - 1])) {
      const match = URL_PATTERN.exec(text.slice(i, i + SEARCH_WINDOW));
      const href = match && safeHref(match[0]);
      if (match && href) {
        flush();
        nodes.push({ type: 'link', href, children: [{ type: 'text', text: match[0] }] });
        i += match[0].length;
        continue;
      }
    }
    buffer += c;
    i += 1;
  }
  flush();
  return nodes;
}

/** `[label](href)` starting at `start`; labels may hold balanced brackets, addresses no spaces. */
function parseLink(text: string, start: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  const limit = Math.min(text.length, start + LABEL_WINDOW);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth === 0) {
        if (text[i + 1] !== '(') return null;
        const close = text.indexOf(')', i + 2);
        if (close === -1 || close - i > SEARCH_WINDOW) return null;
        const href = text.slice(i + 2, close).trim();
        if (/\s/.test(href)) return null;
        return { label: text.slice(start + 1, i), href, end: close + 1 };
      }
    } else if (c === '\n' && text[i + 1] === '\n') {
      return null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------------
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ITEM = /^([ \t]*)(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;

const indentOf = (spaces: string) => spaces.replace(/\t/g, '    ').length;

interface RawItem {
  indent: number;
  ordered: boolean;
  start: number;
  lines: string[];
}

/** Groups list item lines into nested lists by indentation. */
function buildLists(items: RawItem[], options: MarkdownOptions): Array<Extract<BlockNode, { type: 'list' }>> {
  type List = Extract<BlockNode, { type: 'list' }>;
  const roots: List[] = [];
  const stack: Array<{ indent: number; list: List }> = [];
  for (const raw of items) {
    const item: ListItem = { children: parseInline(raw.lines.join('\n'), options), sublists: [] };
    while (stack.length && stack[stack.length - 1]!.indent > raw.indent) stack.pop();
    let top = stack[stack.length - 1];
    if (top && top.indent === raw.indent) {
      if (top.list.ordered === raw.ordered) {
        top.list.items.push(item);
        continue;
      }
      // Same level, other kind of marker: a new list next to this one.
      stack.pop();
      top = stack[stack.length - 1];
    }
    const list: List = { type: 'list', ordered: raw.ordered, start: raw.start, items: [item] };
    if (top) top.list.items[top.list.items.length - 1]!.sublists.push(list);
    else roots.push(list);
    stack.push({ indent: raw.indent, list });
  }
  return roots;
}

export function parseMarkdown(source: string, options: MarkdownOptions = {}): BlockNode[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: BlockNode[] = [];
  let paragraph: string[] = [];
  let items: RawItem[] = [];

  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n').trim(), options) });
    paragraph = [];
  };
  const endList = () => {
    if (items.length) blocks.push(...buildLists(items, options));
    items = [];
  };

  for (const line of lines) {
    if (!line.trim()) {
      endParagraph();
      endList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      endList();
      const text = (heading[2] ?? '').trim();
      if (text) blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, children: parseInline(text, options) });
      continue;
    }
    if (RULE.exec(line)) {
      endParagraph();
      endList();
      blocks.push({ type: 'rule' });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      endParagraph();
      items.push({ indent: indentOf(item[1]!), ordered: item[3] !== undefined, start: item[3] ? Number(item[3]) : 1, lines: [item[4]!] });
      continue;
    }
    if (items.length) {
      // A line under a list item continues that item.
      items[items.length - 1]!.lines.push(line.trim());
      continue;
    }
    paragraph.push(line);
  }
  endParagraph();
  endList();
  return blocks;
}

