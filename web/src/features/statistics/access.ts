// What the statistics pages offer a user, mirroring the server's policy (docs/design/statistics-api.md):
// managing (publish, import crime figures) is the national unit's statisticians'; exact own figures are
// the regional coordinators' (their cases) and the hotline operators' (the consultations). The server
// decides every request on its own; this only hides what would be refused.
import type { SessionUser } from '../../api/accountTypes';
import { hasRole } from '../auth/capabilities';

type User = Pick<SessionUser, 'roles' | 'organisation'>;

export const mayManageStatistics = (u: User) => hasRole(u, 'statistician') && u.organisation.kind === 'national_unit';
export const mayReadOwnCases = (u: User) => hasRole(u, 'regional_coordinator');
export const mayReadOwnHotline = (u: User) => hasRole(u, 'hotline_operator');
