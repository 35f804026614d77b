// What other capabilities may use of users.
export { findPrincipalByUsername, addUser } from './actions.js';
export { users } from './tables.js';
