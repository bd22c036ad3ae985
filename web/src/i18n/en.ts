// English. Same keys as sv.ts: the type checker rejects a missing or extra key. Each feature's pair of
// files is spread here as in sv.ts.
import { enAccount } from './account.en';
import { enAudit } from './audit.en';
import { enCaseAccess } from './caseAccess.en';
import { enCaseClocks } from './caseClocks.en';
import { enCaseForms } from './caseForms.en';
import { enCases } from './cases.en';
import { enCaseTasks } from './caseTasks.en';
import { enCaseTimeline } from './caseTimeline.en';
import { enCaseWork } from './caseWork.en';
import { enChildTrack } from './childTrack.en';
import { enCommon } from './common.en';
import { enDirectory } from './directory.en';
import { enGeography } from './geography.en';
import { enHotline } from './hotline.en';
import { enKnowledge } from './knowledge.en';
import { enMerge } from './merge.en';
import { enNewCase } from './newCase.en';
import { enNotifications } from './notifications.en';
import { enPersonEdit } from './personEdit.en';
import { enPersonRecords } from './personRecords.en';
import { enPersons } from './persons.en';
import { enPublic } from './public.en';
import { enReferrals } from './referrals.en';
import { enReferralInbox } from './referrals.inbox.en';
import { enSignIn } from './signIn.en';
import { enStatistics } from './statistics.en';
import { enStatisticsLabels } from './statisticsLabels.en';
import { enTokens } from './tokens.en';
import { enUsers } from './users.en';
import type { MessageKey } from './sv';

export const en: Record<MessageKey, string> = {
  ...enCommon,
  ...enDirectory,
  ...enGeography,
  ...enSignIn,
  ...enAccount,
  ...enNotifications,
  ...enUsers,
  ...enTokens,
  ...enAudit,
  ...enCases,
  ...enCaseAccess,
  ...enPersons,
  ...enNewCase,
  ...enCaseWork,
  ...enCaseTimeline,
  ...enCaseClocks,
  ...enCaseTasks,
  ...enPersonRecords,
  ...enChildTrack,
  ...enCaseForms,
  ...enMerge,
  ...enPersonEdit,
  ...enReferrals,
  ...enReferralInbox,
  ...enHotline,
  ...enKnowledge,
  ...enPublic,
  ...enStatistics,
  ...enStatisticsLabels,
};
