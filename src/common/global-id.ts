// Opaque Relay-style ids: base64url of "<Type>:<uuid>", so one id names one row of one type.
import { AppError } from '../errors/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Our type names, as toGlobalId writes them: so a type such as `__proto__`, `constructor` or one
// holding a NUL never reaches a lookup or a query.
const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

export interface DecodedGlobalId {
  readonly type: string;
  readonly id: string;
}

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** Decodes any global id; throws BAD_USER_INPUT naming `field` when it is not one of ours. */
export function fromGlobalId(globalId: string, field: string): DecodedGlobalId {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator <= 0 || !TYPE_NAME.test(type) || !UUID.test(id)) {
    throw AppError.badInput(`${field} is not a valid id`, field);
  }
  return { type, id };
}

/** Decodes a global id that must name a `type`; another type's id is BAD_USER_INPUT. */
export function uuidOf(globalId: string, type: string, field: string): string {
  const decoded = fromGlobalId(globalId, field);
  if (decoded.type !== type) {
    throw AppError.badInput(`${field} must be the id of a ${type}, not of a ${decoded.type}`, field);
  }
  return decoded.id;
}
