// The clock rules a case worker applies for or starts from the clocks section, as in
// data/rules/clocks.toml (rules in force today): who may apply, whether a decision is awaited and the
// conditions to confirm. The server checks every one of them again and names what is wrong; the child
// track's clocks are started by its records, not here. Labels and condition texts are in the i18n
// files (clock.rule.<id>, clock.condition.<id>).
// TODO(api): read these from a GET /api/v1/clock-rules when the server offers one.

export interface ClockRuleChoice {
  id: string;
  /** Who may apply; empty: nobody applies, the clock starts at once (a duty to act). */
  applicants: readonly string[];
  /** An authority decides: an application awaits its decision. */
  decided: boolean;
  conditions: readonly string[];
  /** Only for a child of the case. */
  childOnly?: boolean;
}

export const CLOCK_RULES: readonly ClockRuleChoice[] = [
  {
    id: 'reflection_period',
    applicants: ['social_welfare_board', 'head_of_preliminary_investigation'],
    decided: true,
    conditions: ['foreign_national_without_residence_permit', 'reason_to_believe_victim'],
  },
  {
    id: 'residence_permit_cooperation',
    applicants: ['head_of_preliminary_investigation'],
    decided: true,
    conditions: ['needed_for_proceedings', 'clearly_wants_to_cooperate', 'broke_contact_with_suspects',
      'public_order_and_security_allow'],
  },
  { id: 'nsp_initial_rest', applicants: ['certified_provider'], decided: true, conditions: [] },
  { id: 'nsp_rehabilitation', applicants: ['certified_provider'], decided: true, conditions: [] },
  { id: 'nsp_integration', applicants: ['certified_provider'], decided: true, conditions: [] },
];

export const clockRule = (id: string) => CLOCK_RULES.find((r) => r.id === id);
