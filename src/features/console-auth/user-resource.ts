// A console user as the API shows it.
import type { ConsoleUser } from './console-users.js';
import type { User } from '../../contract/api-schemas.js';

export const userResource = (user: ConsoleUser): User => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  isInstanceAdmin: user.isInstanceAdmin,
});
