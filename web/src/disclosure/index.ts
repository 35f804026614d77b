// What other web capabilities may use of disclosure: the public portal's frame (no login).
export { PublicLayout } from './PublicLayout';
