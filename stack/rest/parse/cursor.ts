// A tiny cursor over a query-string value that remembers positions for PGRST100 messages
// ("failed to parse ... (line 1, column N)").
import { parseError } from '../errors.ts';

const NAME_CHAR = /[\p{L}\p{N}_$ ]/u;

export class Cursor {
  pos = 0;
  constructor(
    readonly text: string,
    readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  peek(n = 0): string {
    return this.text[this.pos + n] ?? '';
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.startsWith(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string, expecting = `"${s}"`): void {
    if (!this.eat(s)) this.fail(expecting);
  }

  fail(expecting: string): never {
    const found = this.done ? 'end of input' : `"${this.peek()}"`;
    throw parseError(this.what, this.text, this.pos + 1, `unexpected ${found} expecting ${expecting}`);
  }

  /** `"quoted"` (backslash escapes) or an unquoted name: letters, digits, `_`, `$`, spaces, `-` not before `>`. */
  name(expecting = 'field name (* or [a..z0..9_$])'): string {
    if (this.peek() === '"') return this.quoted();
    const start = this.pos;
    while (!this.done) {
      const c = this.peek();
      if (NAME_CHAR.test(c) || (c === '-' && this.peek(1) !== '>')) this.pos++;
      else break;
    }
    const out = this.text.slice(start, this.pos).trim();
    if (!out) {
      this.pos = start;
      this.fail(expecting);
    }
    return out;
  }

  quoted(): string {
    this.expect('"');
    let out = '';
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === '\\' && this.pos + 1 < this.text.length) this.pos++;
      out += this.peek();
      this.pos++;
    }
    this.expect('"', 'closing quote');
    return out;
  }
}
