import { describe, expect, it } from 'vitest';
import { consultation } from './hotlineFixture';
import {
  consultationBody, emptyIntake, formatDuration, intakeFromConsultation, intakeProblems, shortcutOf, situationOf, withAgeGroup, withDanger,
} from './intakeModel';
import { isOverdue, queueOrder } from './queueQuery';

const key = (code: string, mods: Partial<{ alt: boolean; ctrl: boolean; meta: boolean; shift: boolean }> = {}, k = '') => ({
  key: k, code, altKey: mods.alt ?? false, ctrlKey: mods.ctrl ?? false, metaKey: mods.meta ?? false, shiftKey: mods.shift ?? false,
});

describe('shortcutOf', () => {
  it('maps Alt+1..7 to the topics, Alt+D/K/T/S/R and Ctrl/⌘+Enter', () => {
    expect(shortcutOf(key('Digit1', { alt: true }))).toEqual({ kind: 'topic', topic: 'suspected_trafficking' });
    expect(shortcutOf(key('Numpad7', { alt: true }))).toEqual({ kind: 'topic', topic: 'other' });
    expect(shortcutOf(key('Digit8', { alt: true }))).toBeNull();
    expect(shortcutOf(key('KeyD', { alt: true }, '∂'))).toEqual({ kind: 'danger' });
    expect(shortcutOf(key('KeyK', { alt: true }))).toEqual({ kind: 'knowledge' });
    expect(shortcutOf(key('KeyT', { alt: true }))).toEqual({ kind: 'timer' });
    expect(shortcutOf(key('Enter', { ctrl: true }, 'Enter'))).toEqual({ kind: 'save' });
    expect(shortcutOf(key('Enter', { meta: true }, 'Enter'))).toEqual({ kind: 'save' });
  });

  it('never takes AltGr (Ctrl+Alt) or plain keys, so typing @ or 2 in a field stays typing', () => {
    expect(shortcutOf(key('Digit2', { alt: true, ctrl: true }, '@'))).toBeNull();
    expect(shortcutOf(key('Digit2', {}, '2'))).toBeNull();
    expect(shortcutOf(key('KeyD', {}, 'd'))).toBeNull();
    expect(shortcutOf(key('Enter', {}, 'Enter'))).toBeNull();
  });
});

describe('the intake model', () => {
  const now = new Date('2026-07-20T10:15:00');

  it('asks routing only with a municipality, and says whether the person consents to sharing', () => {
    const d = emptyIntake(now);
    expect(situationOf(d)).toBeNull();
    expect(situationOf({ ...d, municipalityCode: '2584', abroad: true })).toBeNull();
    const s = situationOf({ ...d, municipalityCode: '2584', topic: 'child', identityBasis: 'consent' });
    expect(s).toMatchObject({ municipality_code: '2584', topic: 'child', consents_to_sharing: true, social_services_involve_police: null });
  });

  it('sends no identity without a basis, even when typed before the basis was taken back', () => {
    const d = { ...emptyIntake(now), topic: 'other', identity: { name: 'X', dateOfBirth: '2000-01-01', phone: '1', email: 'a@b' } };
    expect(consultationBody(d, 61).identity).toEqual({ name: '', date_of_birth: null, phone: '', email: '' });
    const withConsent = consultationBody({ ...d, identityBasis: 'consent' }, 61);
    expect(withConsent.identity).toEqual({ name: 'X', date_of_birth: '2000-01-01', phone: '1', email: 'a@b' });
    expect(withConsent.duration_seconds).toBe(61);
    expect(withConsent.time_spent_minutes).toBe(2);
    expect(consultationBody({ ...d, timeSpent: '15' }, 61).time_spent_minutes).toBe(15);
    expect(consultationBody(d, 0).received_at_us).toBe(new Date('2026-07-20T10:15:00').getTime() * 1000);
  });

  it('forces immediate danger as urgency, and drops a report of concern for an adult', () => {
    const d = withDanger(emptyIntake(now), true);
    expect(consultationBody(d, 0).urgency).toBe('immediate_danger');
    expect(withDanger(d, false).urgency).toBe('urgent');
    const child = withAgeGroup({ ...emptyIntake(now), identityBasis: 'report_of_concern' }, 'child');
    expect(child.identityBasis).toBe('report_of_concern');
    expect(withAgeGroup(child, 'adult').identityBasis).toBe('none');
  });

  it('finds what is missing before sending', () => {
    const d = { ...emptyIntake(now), abroad: true, overrides: [{ organisation_id: 'o', added: true, reason: ' ' }] };
    expect(intakeProblems({ ...d, person: { ...d.person, approximate_age: '130' } }).map((p) => `${p.field}:${p.rule}`)).toEqual([
      'topic:required', 'person.approximate_age:out_of_range', 'abroad_country:required', 'overrides[0].reason:required',
    ]);
  });

  it('goes back and forth between a consultation and its draft', () => {
    const c = consultation({ identity_basis: 'consent', identity: { name: 'N', date_of_birth: null, phone: '', email: '' } });
    const body = consultationBody(intakeFromConsultation(c), c.duration_seconds);
    expect(body).toMatchObject({
      topic: c.topic, municipality_code: '2584', situation: c.situation, person: c.person, identity_basis: 'consent',
      identity: { name: 'N', date_of_birth: null }, caller: { organisation_id: '', organisation_name: 'Socialtjänsten i Kiruna' },
      duration_seconds: 300, time_spent_minutes: 10,
    });
  });

  it('formats the call time as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('the queue order', () => {
  const base = { immediate_danger: false, overdue: false, respond_by_us: 2_000, status: 'new' };
  it('puts open immediate danger first, then overdue (by the flag or a passed target), keeping the order otherwise', () => {
    const items = [
      { ...base, n: 1 }, { ...base, n: 2, respond_by_us: 500 }, { ...base, n: 3, immediate_danger: true },
      { ...base, n: 4, immediate_danger: true, status: 'closed' }, { ...base, n: 5, overdue: true },
    ];
    expect(queueOrder(items, 1_000).map((i) => i.n)).toEqual([3, 2, 5, 1, 4]);
    expect(isOverdue({ ...base, overdue: true, status: 'closed' }, 1_000)).toBe(false);
  });
});
