import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown } from './markdown';
import { parseInline, parseMarkdown, safeHref } from './markdown-parse';

function html(source: string, props: { breaks?: boolean; headingOffset?: number } = {}): HTMLElement {
  const { container } = render(<Markdown source={source} {...props} />);
  return container.firstElementChild as HTMLElement;
}

describe('Markdown blocks', () => {
  it('renders headings, paragraphs and lists', () => {
    const root = html('## Website redesign\n\n### Updates\n\n- Nov 18: Discovery is complete.\n- Nov 22: Colours\n\nA closing paragraph\nover two lines.');
    expect(root.querySelector('h2')).toHaveTextContent('Website redesign');
    expect(root.querySelector('h3')).toHaveTextContent('Updates');
    expect([...root.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['Nov 18: Discovery is complete.', 'Nov 22: Colours']);
    expect(root.querySelector('p')).toHaveTextContent('A closing paragraph over two lines.');
  });

  it('numbers ordered lists from their first number and nests lists by indentation', () => {
    const root = html('3. three\n4. four\n   - detail\n   - more\n5. five');
    const ol = root.querySelector('ol')!;
    expect(ol).toHaveAttribute('start', '3');
    expect(ol.children).toHaveLength(3);
    expect([...ol.querySelectorAll(':scope > li:nth-child(2) > ul > li')].map((li) => li.textContent)).toEqual(['detail', 'more']);
  });

  it('continues a list item on an indented line and starts a new list after a blank line', () => {
    const blocks = parseMarkdown('- first\n  still first\n\n- second');
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ type: 'list', items: [{ children: [{ text: 'first' }, { text: ' ' }, { text: 'still first' }] }] });
  });

  it('shifts headings under the page title and caps them at h6', () => {
    const root = html('# Title\n###### Small', { headingOffset: 1 });
    expect(root.querySelector('h2')).toHaveTextContent('Title');
    expect(root.querySelectorAll('h6')).toHaveLength(1);
    expect(root.querySelector('h1')).toBeNull();
  });

  it('keeps single newlines as breaks in chat mode', () => {
    expect(html('one\ntwo', { breaks: true }).querySelectorAll('br')).toHaveLength(1);
    expect(html('one\ntwo').querySelectorAll('br')).toHaveLength(0);
  });

  it('renders rules and ignores empty headings and blank input', () => {
    expect(html('above\n\n---\n\nbelow').querySelector('hr')).not.toBeNull();
    expect(parseMarkdown('#\n\n   \n')).toEqual([]);
    expect(parseMarkdown('#hashtag')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '#hashtag' }] }]);
  });
});

describe('Markdown inline', () => {
  it('renders bold, italic and code', () => {
    const root = html('Some **bold**, *italic*, _also italic_ and `code <b>` here');
    expect(root.querySelector('strong')).toHaveTextContent('bold');
    expect([...root.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['italic', 'also italic']);
    expect(root.querySelector('code')).toHaveTextContent('code <b>');
  });

  it('leaves stray delimiters, snake_case and arithmetic alone', () => {
    expect(html('2 * 3 * 4 and snake_case_name and **unclosed').textContent).toBe('2 * 3 * 4 and snake_case_name and **unclosed');
    expect(html('2 * 3 * 4').querySelector('em')).toBeNull();
    expect(html('\\*not italic\\*').textContent).toBe('*not italic*');
  });

  it('nests emphasis inside links and links inside emphasis', () => {
    const root = html('**see [the *plan*](https://example.com/plan)**');
    const link = root.querySelector('strong a')!;
    expect(link).toHaveAttribute('href', 'https://example.com/plan');
    expect(link.querySelector('em')).toHaveTextContent('plan');
  });

  it('opens links in a new tab without leaking the opener or referrer', () => {
    const link = html('[Site](https://example.com) and mail [us](mailto:hi@example.com)').querySelectorAll('a');
    expect(link).toHaveLength(2);
    for (const a of link) {
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
      expect(a).toHaveAttribute('target', '_blank');
    }
    expect(link[1]).toHaveAttribute('href', 'mailto:hi@example.com');
  });

  it('links bare web addresses without swallowing trailing punctuation', () => {
    const a = html('See https://example.com/a_b?x=1. Next').querySelector('a')!;
    expect(a).toHaveAttribute('href', 'https://example.com/a_b?x=1');
    expect(a.parentElement).toHaveTextContent('See https://example.com/a_b?x=1. Next');
  });
});

describe('Markdown safety', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
    '<style>body{display:none}</style>',
  ];

  it.each(attacks)('shows HTML as text: %s', (attack) => {
    const root = html(`# ${attack}\n\n- ${attack}\n\n**${attack}** ${attack}`);
    expect(root.querySelectorAll('script, img, iframe, svg, style')).toHaveLength(0);
    // The only links are plain web addresses written in the text.
    for (const a of root.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:\/\/evil\.example$/);
    expect(root.textContent).toContain(attack);
    for (const el of root.querySelectorAll('*')) {
      expect([...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))).toEqual([]);
    }
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#115;cript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    '/relative/path',
    'https:evil.example',
    'http://',
  ])('never links %s', (href) => {
    const root = html(`[click me](${href})`);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('click me');
  });

  it('accepts only http(s) and mailto addresses', () => {
    expect(safeHref('https://example.com/x')).toBe('https://example.com/x');
    expect(safeHref('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM');
    expect(safeHref('mailto:a@b.co')).toBe('mailto:a@b.co');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://exa mple.com')).toBeNull();
    expect(safeHref('ftp://example.com')).toBeNull();
  });

  it('keeps quotes and angle brackets in a link address from breaking out', () => {
    const a = html('[x](https://example.com/"onmouseover="alert(1))').querySelector('a');
    // Rendered through React, the address is one attribute value whatever it holds.
    if (a) expect(a.getAttributeNames().sort()).toEqual(['class', 'href', 'rel', 'target']);
  });

  it('stays fast on pathological input', () => {
    const nasty = '['.repeat(20_000) + '*a '.repeat(20_000) + '_'.repeat(20_000) + '`'.repeat(5_000);
    const started = performance.now();
    parseMarkdown(nasty);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('bounds nesting depth', () => {
    const deep = '**'.repeat(200) + 'x' + '**'.repeat(200);
    expect(() => parseInline(deep)).not.toThrow();
    expect(html(deep).textContent).toContain('x');
  });
});

describe('Markdown mentions', () => {
  const ANA = '10000000-0000-4000-9000-000000000004';
  it('reads @[Name](id) tokens as mentions only when asked', () => {
    expect(parseInline(`hi @[Ana Lopez](${ANA})!`, { mentions: true })).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', userId: ANA, name: 'Ana Lopez' },
      { type: 'text', text: '!' },
    ]);
    // Without the option the token is a link with an unsafe address: its label stays text.
    expect(parseInline(`@[Ana](${ANA})`)).toEqual([{ type: 'text', text: '@' }, { type: 'text', text: 'Ana' }]);
  });
  it('renders a highlighted name, inside emphasis too, and keeps HTML as text', () => {
    const { container } = render(<Markdown source={`**@[Ana](${ANA})** <b>x</b>`} mentions />);
    expect(container.querySelector('strong span')).toHaveTextContent('@Ana');
    expect(container.querySelector('b')).toBeNull();
    expect(container).toHaveTextContent('<b>x</b>');
  });
});
