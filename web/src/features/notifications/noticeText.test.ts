import { describe, expect, it } from 'vitest';
import { translateDynamic, type Lang } from '../../i18n/translate';
import { noticeParams, noticeText } from './noticeText';

const wording = (lang: Lang) => ({
  tDynamic: (key: string, fallback: string, params?: Record<string, string | number>) =>
    translateDynamic(lang, key, params) ?? fallback,
  formatDate: (d: string) => `[${d}]`,
});

describe('the words of a case reminder', () => {
  const reminder = 'case=NRM-2026-000045&clock=k1&rule=reflection_period&date=2026-03-31&days=7';

  it('reads the parameters of the reminder kinds only', () => {
    expect(noticeParams('clock_reminder', reminder)).toEqual({
      case: 'NRM-2026-000045', clock: 'k1', rule: 'reflection_period', date: '2026-03-31', days: '7',
    });
    expect(noticeParams('break_glass', reminder)).toBeNull();
    expect(noticeParams('clock_reminder', 'NRM-2026-000045 reflection_period ends 2026-03-31')).toBeNull();
    expect(noticeParams('task_due', 'case=NRM-2026-000045&task=t1')).toBeNull(); // no date
  });

  it('words a clock reminder in Swedish and English, with the rule named', () => {
    expect(noticeText('clock_reminder', reminder, wording('sv')))
      .toBe('NRM-2026-000045 · Betänketid: sista dagen är [2026-03-31], om 7 dagar.');
    expect(noticeText('clock_reminder', reminder, wording('en')))
      .toBe('NRM-2026-000045 · Reflection period: the last day is [2026-03-31], in 7 days.');
    expect(noticeText('clock_reminder', reminder.replace('days=7', 'days=1'), wording('sv')))
      .toBe('NRM-2026-000045 · Betänketid: sista dagen är [2026-03-31], i morgon.');
  });

  it('words overdue clocks and tasks', () => {
    expect(noticeText('clock_overdue', 'case=NRM-2026-000045&clock=k1&rule=reflection_period&date=2026-03-31', wording('en')))
      .toBe('NRM-2026-000045 · Reflection period: the last day was [2026-03-31]. The clock is overdue.');
    expect(noticeText('task_due', 'case=NRM-2026-000045&task=t1&date=2026-04-02', wording('sv')))
      .toBe('NRM-2026-000045: en uppgift ska vara klar [2026-04-02].');
    expect(noticeText('task_overdue', 'case=NRM-2026-000045&task=t1&date=2026-04-02', wording('en')))
      .toBe('NRM-2026-000045: a task was due on [2026-04-02].');
  });

  it('shows any other detail as it was stored', () => {
    expect(noticeText('break_glass', 'Akut fara.', wording('sv'))).toBe('Akut fara.');
    expect(noticeText('clock_reminder', null, wording('sv'))).toBeNull();
  });
});
