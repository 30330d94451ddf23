// A small, safe Markdown subset rendered straight to React elements, never to an HTML string, so
// untrusted text cannot inject markup: HTML in the input is shown as the text it is. Links open in a
// new tab with rel="noopener noreferrer", and only http(s) and mailto addresses become links.
// The parser (and what the subset covers) is in markdown-parse.ts.
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type BlockNode, type InlineNode, type MarkdownOptions } from './markdown-parse';

const HEADING_CLASSES: Record<number, string> = {
  1: 'mt-6 mb-3 text-2xl font-semibold tracking-tight first:mt-0',
  2: 'mt-6 mb-2 text-xl font-semibold tracking-tight first:mt-0',
  3: 'mt-5 mb-2 text-base font-semibold first:mt-0',
  4: 'mt-4 mb-1 text-sm font-semibold first:mt-0',
  5: 'mt-4 mb-1 text-sm font-semibold first:mt-0',
  6: 'mt-4 mb-1 text-sm font-semibold uppercase tracking-wide first:mt-0',
};

type MentionRenderer = (mention: { userId: string; name: string }, key: number) => ReactNode;

const defaultMention: MentionRenderer = ({ name }, key) => (
  <span key={key} className="rounded bg-brand-50 px-0.5 font-medium text-brand-700 dark:bg-brand-700/30 dark:text-indigo-200">
    @{name}
  </span>
);

function renderInline(nodes: InlineNode[], mention: MentionRenderer = defaultMention): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={i} className="font-semibold">{renderInline(node.children, mention)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children, mention)}</em>;
      case 'code':
        return (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
            {node.text}
          </code>
        );
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer" className="text-brand-600 underline underline-offset-2 hover:text-brand-700 dark:text-indigo-300 dark:hover:text-indigo-200">
            {renderInline(node.children, mention)}
          </a>
        );
      case 'mention':
        return mention({ userId: node.userId, name: node.name }, i);
      case 'break':
        return <br key={i} />;
    }
  });
}

function renderList(list: Extract<BlockNode, { type: 'list' }>, key: number, mention?: MentionRenderer): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i} className="pl-1">
      {renderInline(item.children, mention)}
      {item.sublists.map((sub, j) => renderList(sub, j, mention))}
    </li>
  ));
  return list.ordered ? (
    <ol key={key} start={list.start === 1 ? undefined : list.start} className="my-2 list-decimal space-y-1 pl-6">
      {items}
    </ol>
  ) : (
    <ul key={key} className="my-2 list-disc space-y-1 pl-6">
      {items}
    </ul>
  );
}

export interface MarkdownProps extends MarkdownOptions {
  source: string;
  /** Type size and colour of the text; defaults to `text-sm leading-relaxed`. */
  className?: string;
  /** Shifts heading levels down (1 turns `#` into h2), so a document fits under the page's own h1. */
  headingOffset?: number;
  /** How a mention shows when `mentions` is on; defaults to a highlighted `@Name`. */
  renderMention?: MentionRenderer;
}

/** Renders the Markdown subset as React elements; untrusted input is safe (no HTML is ever parsed). */
export function Markdown({ source, className = 'text-sm leading-relaxed', headingOffset = 0, breaks, mentions, renderMention }: MarkdownProps) {
  const blocks = parseMarkdown(source, { breaks, mentions });
  return (
    <div className={`break-words ${className}`}>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading': {
            const level = Math.min(6, block.level + headingOffset);
            const Tag = `h${level}` as 'h1';
            return (
              <Tag key={i} className={HEADING_CLASSES[level]}>
                {renderInline(block.children, renderMention)}
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={i} className="my-2">
                {renderInline(block.children, renderMention)}
              </p>
            );
          case 'list':
            return renderList(block, i, renderMention);
          case 'rule':
            return <hr key={i} className="my-6 border-slate-200 dark:border-slate-700" />;
        }
      })}
    </div>
  );
}
