// Offsets in the body the server stores, mapped back onto the text as given, as the judges map them.
import { CodePoints } from '../../src/evaluation/judge-text';
import { storedBody } from '../../src/evaluation/stored-body';

describe('mapping stored-body offsets back onto the original text', () => {
  it('leaves an already normal body as it is', () => {
    const stored = storedBody(new CodePoints('One line.\n\nTwo.'));
    expect(stored.body).toBe('One line.\n\nTwo.');
    expect(stored.toOriginal(5)).toBe(5);
  });

  it('maps past trailing spaces the server drops, and the end to where the dropped tail begins', () => {
    const original = new CodePoints('Said it.  \nThen more.\n');
    const stored = storedBody(original);
    expect(stored.body).toBe('Said it.\nThen more.');
    const then = stored.body.indexOf('Then');
    expect(original.slice(stored.toOriginal(then), stored.toOriginal(then) + 4)).toBe('Then');
    expect(stored.toOriginal(8)).toBe(10);
    expect(stored.toOriginal(stored.body.length)).toBe(21);
  });

  it('maps a character NFC composes to the start of its decomposed original', () => {
    const original = new CodePoints('Jose\u0301 said.');
    const stored = storedBody(original);
    expect(stored.body).toBe('José said.');
    expect(stored.toOriginal(3)).toBe(3);
    expect(stored.toOriginal(4)).toBe(5);
  });
});
