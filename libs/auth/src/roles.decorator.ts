import { SetMetadata } from '@nestjs/common';
import { ROLES, Role } from '@filing/contracts';

export const ROLES_KEY = 'auth:roles';

/**
 * The caller needs at least one of these roles. On a handler it replaces the controller's list.
 * Checked by AuthGuard after the token is verified.
 */
export const Roles = (...roles: Role[]) => {
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  // Fail when the module loads rather than locking everyone out at request time.
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`@Roles needs known roles (${ROLES.join(', ')}), got ${JSON.stringify(roles)}`);
  }
  return SetMetadata(ROLES_KEY, roles);
};
