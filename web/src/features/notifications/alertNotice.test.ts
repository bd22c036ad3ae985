// The words of a missing-child alert's notices: the detail is stable parameters (case code and day),
// worded in the reader's language; an alert stored before as an English sentence is shown as stored.
import { describe, expect, it } from 'vitest';
import { translateDynamic, type Lang } from '../../i18n/translate';
import { noticeParams, noticeText } from './noticeText';

const wording = (lang: Lang) => ({
  tDynamic: (key: string, fallback: string, params?: Record<string, string | number>) =>
    translateDynamic(lang, key, params) ?? fallback,
  formatDate: (d: string) => `[${d}]`,
});

describe('the words of a missing-child alert', () => {
  const detail = 'case=NRM-2026-000045&date=2026-11-29';

  it('reads the case and the day of both alert kinds', () => {
    expect(noticeParams('missing_child_alert', detail)).toEqual({ case: 'NRM-2026-000045', date: '2026-11-29' });
    expect(noticeParams('missing_child_resolved', detail)).toEqual({ case: 'NRM-2026-000045', date: '2026-11-29' });
  });

  it('words an opened and a resolved alert in Swedish and English', () => {
    expect(noticeText('missing_child_alert', detail, wording('sv')))
      .toBe('NRM-2026-000045: ett barn i ärendet anmäldes försvunnet [2026-11-29]. Öppna ärendet.');
    expect(noticeText('missing_child_alert', detail, wording('en')))
      .toBe('NRM-2026-000045: a child in the case was reported missing on [2026-11-29]. Open the case.');
    expect(noticeText('missing_child_resolved', detail, wording('sv')))
      .toBe('NRM-2026-000045: larmet om ett försvunnet barn avslutades [2026-11-29].');
    expect(noticeText('missing_child_resolved', detail, wording('en')))
      .toBe('NRM-2026-000045: the missing-child alert was resolved on [2026-11-29].');
  });

  it('shows an alert stored as a sentence before as it was stored', () => {
    const old = 'NRM-2026-000045 missing child alert opened';
    expect(noticeText('missing_child_alert', old, wording('en'))).toBe(old);
  });
});
