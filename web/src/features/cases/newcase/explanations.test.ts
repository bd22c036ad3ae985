// Every group and indicator of the shipped checklist (data/rules/indicators.toml) is explained in
// plain words in both languages: a new indicator in the data needs its explanation here too.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enNewCase } from '../../../i18n/newCase.en';
import { svNewCase } from '../../../i18n/newCase.sv';

// Tests run in web/; the data lives beside it.
const toml = readFileSync(resolve(process.cwd(), '../data/rules/indicators.toml'), 'utf8');
const idsIn = (table: string) => [...toml.matchAll(new RegExp(String.raw`\[\[${table}\]\]\s*\nid = "([^"]+)"`, 'g'))].map((m) => m[1] ?? '');

describe('the explanations of the indicators', () => {
  const groups = idsIn('groups');
  const indicators = idsIn('indicators');

  it('reads the shipped checklist', () => {
    expect(groups).toContain('child_specific');
    expect(indicators.length).toBeGreaterThan(30);
  });

  it.each([['sv', svNewCase as Record<string, string>], ['en', enNewCase as Record<string, string>]])(
    'explains every group and indicator in %s', (_lang, dict) => {
      expect(groups.filter((g) => !dict[`guide.group.${g}`])).toEqual([]);
      expect(indicators.filter((i) => !dict[`guide.indicator.${i}`])).toEqual([]);
    });

  it('explains nothing the checklist does not have', () => {
    const explained = Object.keys(svNewCase).filter((k) => k.startsWith('guide.indicator.')).map((k) => k.slice('guide.indicator.'.length));
    expect(explained.filter((i) => !indicators.includes(i))).toEqual([]);
  });
});
