import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// Format: scrypt$<salt hex>$<key hex>. Parameters are Node's defaults (N=16384, r=8, p=1).
const KEY_LENGTH = 32;

/**
 * @param {string} password
 * @param {string} [salt] hex; a fresh random salt unless given (the seed passes fixed ones)
 * @returns {string}
 */
export function hashPassword(password, salt = randomBytes(16).toString('hex')) {
  const key = scryptSync(password, Buffer.from(salt, 'hex'), KEY_LENGTH);
  return `scrypt$${salt}$${key.toString('hex')}`;
}

/**
 * @param {string} password
 * @param {string} stored
 * @returns {boolean}
 */
export function verifyPassword(password, stored) {
  const [scheme, salt, keyHex] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !keyHex) return false;
  const expected = Buffer.from(keyHex, 'hex');
  const actual = scryptSync(password, Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * Rules agreed with security in 2021: length beats composition.
 * @param {string} password
 * @returns {string | null} why the password is rejected, or null
 */
export function passwordProblem(password) {
  if (password.length < 10) return 'must be at least 10 characters';
  if (password.length > 200) return 'must be at most 200 characters';
  if (/^(.)\1+$/.test(password)) return 'must not be a single repeated character';
  return null;
}
