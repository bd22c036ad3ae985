// The roles (GET /roles), which the user administration needs on several pages.
import { cached } from '../../api/cache';
import { userApi } from '../../api/endpoints';

export const loadRoles = () => cached('roles', async () => (await userApi.roles()).items);
