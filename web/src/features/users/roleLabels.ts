// Names of roles in the user's language; a role this app does not know shows as its code.
import type { I18n } from '../../i18n/context';

export const roleLabel = (i: Pick<I18n, 'tDynamic'>, role: string): string => i.tDynamic(`role.${role}`, role);
