import { describe, expect, it } from 'vitest';
import { cellClass, cellValue, formatCell, formatOwn, formatRate } from './cells';

describe('cell formatting', () => {
  it('shows hidden as "..", unknown as "–" and zero as 0, never a guessed number', () => {
    expect(formatCell({ status: 'suppressed' }, 'sv')).toBe('..');
    expect(formatCell({ status: 'unknown' }, 'en')).toBe('–');
    expect(formatCell(undefined, 'en')).toBe('–');
    expect(formatCell({ status: 'shown', value: 0 }, 'sv')).toBe('0');
    expect(cellValue({ status: 'suppressed' })).toBeNull();
    expect(cellValue({ status: 'unknown' })).toBeNull();
    expect(cellValue({ status: 'shown', value: 0 })).toBe(0);
  });

  it('writes numbers in the language: a space groups thousands in Swedish, a comma in English', () => {
    expect(formatCell({ status: 'shown', value: 12345 }, 'sv').replace(/\s/g, ' ')).toBe('12 345');
    expect(formatCell({ status: 'shown', value: 12345 }, 'en')).toBe('12,345');
  });

  it('gives rates two decimals and shares one with a percent sign, marks kept', () => {
    expect(formatRate({ status: 'shown', value: 4.2 }, 'sv', 'rate')).toBe('4,20');
    expect(formatRate({ status: 'shown', value: 4.2 }, 'en', 'rate')).toBe('4.20');
    expect(formatRate({ status: 'shown', value: 37.25 }, 'en', 'share')).toBe('37.3 %');
    expect(formatRate({ status: 'suppressed' }, 'en', 'share')).toBe('..');
    expect(formatRate({ status: 'unknown' }, 'en', 'rate')).toBe('–');
  });

  it('shows own exact figures as numbers, null as not known', () => {
    expect(formatOwn(3, 'sv')).toBe('3');
    expect(formatOwn(0, 'sv')).toBe('0');
    expect(formatOwn(null, 'sv')).toBe('–');
  });

  it('classes each mark apart so zero and unknown never look alike', () => {
    expect(cellClass({ status: 'shown', value: 0 })).toContain('cell--zero');
    expect(cellClass({ status: 'unknown' })).toContain('cell--unknown');
    expect(cellClass({ status: 'suppressed' })).toContain('cell--suppressed');
    expect(cellClass({ status: 'shown', value: 5 })).toBe('num');
  });
});
