// Swedish, the default language: one pair of files per feature (<feature>.sv.ts, <feature>.en.ts), spread
// here. Every key here must exist in en.ts (the type checker and i18n.test.ts check).
import { svAccount } from './account.sv';
import { svAudit } from './audit.sv';
import { svCaseAccess } from './caseAccess.sv';
import { svCaseClocks } from './caseClocks.sv';
import { svCaseForms } from './caseForms.sv';
import { svCases } from './cases.sv';
import { svCaseTasks } from './caseTasks.sv';
import { svCaseTimeline } from './caseTimeline.sv';
import { svCaseWork } from './caseWork.sv';
import { svChildTrack } from './childTrack.sv';
import { svCommon } from './common.sv';
import { svDirectory } from './directory.sv';
import { svGeography } from './geography.sv';
import { svHotline } from './hotline.sv';
import { svKnowledge } from './knowledge.sv';
import { svMerge } from './merge.sv';
import { svNewCase } from './newCase.sv';
import { svNotifications } from './notifications.sv';
import { svPersonEdit } from './personEdit.sv';
import { svPersonRecords } from './personRecords.sv';
import { svPersons } from './persons.sv';
import { svPublic } from './public.sv';
import { svReferrals } from './referrals.sv';
import { svReferralInbox } from './referrals.inbox.sv';
import { svSignIn } from './signIn.sv';
import { svStatistics } from './statistics.sv';
import { svStatisticsLabels } from './statisticsLabels.sv';
import { svTokens } from './tokens.sv';
import { svUsers } from './users.sv';

export const sv = {
  ...svCommon,
  ...svDirectory,
  ...svGeography,
  ...svSignIn,
  ...svAccount,
  ...svNotifications,
  ...svUsers,
  ...svTokens,
  ...svAudit,
  ...svCases,
  ...svCaseAccess,
  ...svPersons,
  ...svNewCase,
  ...svCaseWork,
  ...svCaseTimeline,
  ...svCaseClocks,
  ...svCaseTasks,
  ...svPersonRecords,
  ...svChildTrack,
  ...svCaseForms,
  ...svMerge,
  ...svPersonEdit,
  ...svReferrals,
  ...svReferralInbox,
  ...svHotline,
  ...svKnowledge,
  ...svPublic,
  ...svStatistics,
  ...svStatisticsLabels,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof sv;
