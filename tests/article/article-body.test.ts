import { contentHashOf, InvalidBodyError, normaliseBody } from '../../src/article/article-body';

describe('normaliseBody', () => {
  test('composes to NFC', () => {
    expect(normaliseBody('Zele\u0301nsky')).toBe('Zel\u00e9nsky');
  });

  test('turns CRLF and CR into LF', () => {
    expect(normaliseBody('one\r\ntwo\rthree')).toBe('one\ntwo\nthree');
  });

  test('trims white space at the end of each line and of the body, keeping leading indentation and tabs inside', () => {
    expect(normaliseBody('  first \t\nsecond\u00a0\nthird\tcol  \n\n  ')).toBe('  first\nsecond\nthird\tcol');
  });

  test('refuses NUL and other control characters but tab and newline', () => {
    expect(() => normaliseBody('a\u0000b')).toThrow(new InvalidBodyError('contains the control character U+0000'));
    expect(() => normaliseBody('a\u001bb')).toThrow(InvalidBodyError);
    expect(normaliseBody('a\tb\nc')).toBe('a\tb\nc');
  });

  test('keeps astral characters such as emoji intact', () => {
    expect(normaliseBody('😀 "hi"  ')).toBe('😀 "hi"');
  });

  test('hashes the normalised body with sha256', () => {
    expect(contentHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
