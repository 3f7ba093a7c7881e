// A cursor's values are checked against their key's type and range before they reach a cast: what
// PostgreSQL would refuse (22003, 22008) is the caller's bad cursor, never an internal error.
import { isSortKeyValue } from '../../src/common/sort-key-values';

describe('isSortKeyValue', () => {
  test.each([
    '2024-03-01 00:00:00+00',
    '2024-02-29 23:59:59.999999+05:30',
    '0001-01-01 00:00:00+00 BC',
    '0005-02-29 12:00:00+00 BC',
    'infinity',
    '-infinity',
  ])('takes the timestamp %j', (value) => {
    expect(isSortKeyValue('timestamptz', value)).toBe(true);
  });

  test.each([
    '2024-13-45 25:61:61+00',
    '2023-02-29 00:00:00+00',
    '2024-04-31 00:00:00+00',
    '2024-01-01 24:00:00+00',
    '2024-01-01 00:00:00+16',
    '300000-01-01 00:00:00+00',
    '0000-01-01 00:00:00+00',
    '2024-01-01',
  ])('refuses the timestamp %j', (value) => {
    expect(isSortKeyValue('timestamptz', value)).toBe(false);
  });

  test('takes integers within 32 bits only', () => {
    expect(['0', '-2147483648', '2147483647'].map((v) => isSortKeyValue('integer', v))).toEqual([true, true, true]);
    expect(['2147483648', '-2147483649', '9999999999', '1.5', ''].map((v) => isSortKeyValue('integer', v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  test('takes reals that float4 holds, and its special values', () => {
    const takes = ['0', '0.75', '1e+30', '-3.4028235e38', '1.5e-45', 'Infinity', '-Infinity', 'NaN'];
    const refuses = ['1e309', '3.5e38', '1e-50', 'infinity', '0x10', ''];
    expect(takes.filter((v) => !isSortKeyValue('real', v))).toEqual([]);
    expect(refuses.filter((v) => isSortKeyValue('real', v))).toEqual([]);
  });

  test('takes lower-case UUIDs and text without NUL', () => {
    expect(isSortKeyValue('uuid', '00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(isSortKeyValue('uuid', '00000000-0000-4000-8000-00000000000G')).toBe(false);
    expect(isSortKeyValue('text', 'Zelensky 😀')).toBe(true);
    expect(isSortKeyValue('text', 'a\0b')).toBe(false);
  });
});
