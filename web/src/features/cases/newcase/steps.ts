// The guide's five steps, in order, and what each step's fields are called in problems (the DOM id
// to jump to from the error summary).
export const STEPS = ['type', 'person', 'indicators', 'next', 'review'] as const;
export type StepId = (typeof STEPS)[number];

/** Problem field → DOM id, for the fields the guide itself checks (evidence.<indicator> is added per checklist). */
export const FIELD_IDS: Record<string, string> = {
  type: 'guide-type',
  'names.latin': 'guide-latin',
  'date_of_birth.date': 'guide-dob',
  'date_of_birth.age_min': 'guide-age-min',
  'date_of_birth.age_max': 'guide-age-max',
  may_be_child: 'guide-may-be-child',
  conclusion: 'guide-conclusion',
  grounds: 'guide-grounds',
  on: 'guide-report-on',
  municipality: 'guide-report-municipality',
  report: 'guide-report',
};
