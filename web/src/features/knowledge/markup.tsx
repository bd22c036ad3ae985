// The knowledge base's tiny markup, rendered as React elements (never as HTML): blank-line paragraphs,
// "- " list items, **bold**, and Swedish phone numbers (112, 114 14, 020-390 000) as tel: links.
// Anything else, "<" included, stays plain text.
import type { ReactNode } from 'react';

export type Inline = { kind: 'text' | 'bold' | 'phone'; text: string };
export type Block = { kind: 'paragraph'; parts: Inline[] } | { kind: 'list'; items: Inline[][] };

// A number starting 0 with an area code and a dash, or a short number 11x (112, 114 14, 116 006).
const PHONE = /(?<![\d/])(?:0\d{1,3}-\d{2,3}(?: \d{2,3}){0,3}|11\d(?: \d{2,3}){0,2})(?![\d/])/g;

function phones(text: string, bold: boolean): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(PHONE)) {
    const start = m.index;
    if (start > at) out.push({ kind: bold ? 'bold' : 'text', text: text.slice(at, start) });
    out.push({ kind: 'phone', text: m[0] });
    at = start + m[0].length;
  }
  if (at < text.length) out.push({ kind: bold ? 'bold' : 'text', text: text.slice(at) });
  return out;
}

/** One line's inline parts: "**" toggles bold (an unmatched "**" stays as text). */
export function parseInline(line: string): Inline[] {
  const pieces = line.split('**');
  if (pieces.length % 2 === 0) return phones(line, false);
  return pieces.flatMap((piece, i) => (piece ? phones(piece, i % 2 === 1) : []));
}

export function parseMarkup(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] = [];
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', parts: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list.length) blocks.push({ kind: 'list', items: list });
    list = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) {
      flushParagraph();
      flushList();
    } else if (line.startsWith('- ')) {
      flushParagraph();
      list.push(parseInline(line.slice(2).trim()));
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

function renderParts(parts: Inline[]): ReactNode[] {
  return parts.map((p, i) => {
    if (p.kind === 'bold') return <strong key={i}>{p.text}</strong>;
    if (p.kind === 'phone') return <a key={i} href={`tel:${p.text.replace(/\D/g, '')}`}>{p.text}</a>;
    return <span key={i}>{p.text}</span>;
  });
}

/** The article body as elements. */
export function Markup({ text }: { text: string }) {
  return (
    <div className="knowledge-body">
      {parseMarkup(text).map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>{renderParts(b.parts)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{renderParts(item)}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
