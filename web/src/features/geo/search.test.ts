import { describe, expect, it } from 'vitest';
import { fold, matchesPrefix } from './search';

describe('matchesPrefix', () => {
  it('ignores case and diacritics', () => {
    expect(fold('Östersund')).toBe('ostersund');
    expect(matchesPrefix('öst', 'Östersund')).toBe(true);
    expect(matchesPrefix('OST', 'Östersund')).toBe(true);
  });

  it('matches the start of any word and the code', () => {
    expect(matchesPrefix('väs', 'Upplands Väsby')).toBe(true);
    expect(matchesPrefix('25', 'Kiruna', '2584')).toBe(true);
    expect(matchesPrefix('run', 'Kiruna', '2584')).toBe(false);
    expect(matchesPrefix('   ', 'Kiruna')).toBe(false);
  });
});
