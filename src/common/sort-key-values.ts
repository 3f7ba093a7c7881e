// Whether a value read from a cursor is one PostgreSQL takes as its sort key's type. A cursor comes
// back from the client, who may have edited it: a month 13 or an integer past 2^31 that only looked
// right would fail in the cast (22003, 22008) and come back INTERNAL, so its range is checked here.

export type SortKeyType = 'timestamptz' | 'uuid' | 'integer' | 'real' | 'text';

const TIMESTAMPTZ = /^(\d{4,})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.\d{1,6})?([+-])(\d\d)(?::(\d\d))?( BC)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INTEGER = /^-?\d{1,10}$/;
const REAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;

/** PostgreSQL's timestamps end in 294276 AD and begin in 4714 BC. */
const LAST_YEAR = 294_275;
const FIRST_YEAR_BC = 4713;
/**
 * Below the magnitude that rounds to infinity in float4 (PostgreSQL writes its largest real as
 * 3.4028235e+38, above it as a double), and the smallest positive real, a subnormal.
 */
const REAL_MAX = 3.4028235677973362e38;
const REAL_MIN = 1.401298464324817e-45;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isTimestamptz(value: string): boolean {
  if (value === 'infinity' || value === '-infinity') return true;
  const match = TIMESTAMPTZ.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.slice(1).map(Number);
  const bc = match[10] !== undefined;
  if (year < 1 || year > (bc ? FIRST_YEAR_BC : LAST_YEAR)) return false;
  // 1 BC is the proleptic year 0, a leap year.
  const leapYear = bc ? 1 - year : year;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(leapYear, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 15 &&
    (Number.isNaN(offsetMinutes) || offsetMinutes <= 59)
  );
}

function isInteger(value: string): boolean {
  if (!INTEGER.test(value)) return false;
  const number = Number(value);
  return number >= -2_147_483_648 && number <= 2_147_483_647;
}

function isReal(value: string): boolean {
  if (value === 'Infinity' || value === '-Infinity' || value === 'NaN') return true;
  if (!REAL.test(value)) return false;
  const magnitude = Math.abs(Number(value));
  return magnitude === 0 || (magnitude >= REAL_MIN && magnitude <= REAL_MAX);
}

const CHECKS: Record<SortKeyType, (value: string) => boolean> = {
  timestamptz: isTimestamptz,
  uuid: (value) => UUID.test(value),
  integer: isInteger,
  real: isReal,
  text: (value) => !value.includes('\0'),
};

export function isSortKeyValue(type: SortKeyType, value: string): boolean {
  return CHECKS[type](value);
}
