/** shipgate's own version. Kept in sync with package.json by `shipgate bump` (a configured version file). */
export const SHIPGATE_VERSION = '0.1.0';
