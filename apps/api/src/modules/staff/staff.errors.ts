import { DomainError, notFoundError } from '../../common/problem.js';

export class StaffNotFoundError extends notFoundError(
  'staff_not_found',
  'No staff account has this id.',
) {}

export class UsernameTakenError extends DomainError {
  constructor() {
    super(409, 'username_taken', 'Username taken', 'Another account already uses this username.', [
      { field: 'username', message: 'This username is taken. Choose another one.' },
    ]);
  }
}

export class CannotDisableSelfError extends DomainError {
  constructor() {
    super(
      422,
      'cannot_disable_self',
      'You cannot disable your own account',
      'Ask another administrator to disable your account.',
    );
  }
}

export class CannotRemoveOwnAdminRoleError extends DomainError {
  constructor() {
    super(
      422,
      'cannot_remove_own_admin_role',
      'You cannot remove your own admin role',
      'Ask another administrator to change your roles, so the clinic always keeps an administrator.',
      [{ field: 'roles', message: 'Keep the admin role on your own account.' }],
    );
  }
}
