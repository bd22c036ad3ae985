// The tiny markup: paragraphs, lists, bold and phone numbers become elements; HTML stays text.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markup, parseInline, parseMarkup } from './markup';

describe('the knowledge markup', () => {
  it('splits paragraphs on blank lines and gathers "- " items into one list', () => {
    const blocks = parseMarkup('First line\nstill first.\n\n- one\n- two\nAfter.');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(blocks[0]).toEqual({ kind: 'paragraph', parts: [{ kind: 'text', text: 'First line still first.' }] });
    expect(blocks[1]?.kind === 'list' && blocks[1].items.length).toBe(2);
  });

  it('makes bold and phone numbers, but not years, sections or form numbers', () => {
    expect(parseInline('Ring **112** eller 114 14.')).toEqual([
      { kind: 'text', text: 'Ring ' },
      { kind: 'phone', text: '112' },
      { kind: 'text', text: ' eller ' },
      { kind: 'phone', text: '114 14' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseInline('Stödtelefonen 020-390 000, stöd 116 006').filter((p) => p.kind === 'phone').map((p) => p.text)).toEqual([
      '020-390 000',
      '116 006',
    ]);
    for (const plain of ['direktiv 2011/36/EU', 'blankett 195011', '6 kap. 11 §', 'lagen (2005:716)']) {
      expect(parseInline(plain).some((p) => p.kind === 'phone')).toBe(false);
    }
    expect(parseInline('an ** unmatched')).toEqual([{ kind: 'text', text: 'an ** unmatched' }]);
  });

  it('renders elements, never HTML from the text', () => {
    const { container } = render(<Markup text={'<script>alert(1)</script> **fet**\n\n- ring 112'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.querySelector('strong')?.textContent).toBe('fet');
    expect(container.querySelector('li a')?.getAttribute('href')).toBe('tel:112');
  });
});
