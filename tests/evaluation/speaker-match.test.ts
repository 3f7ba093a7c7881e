// score.py's speaker rules as ported: hand-made speakers, no corpus text.
import { isPronounSpeaker, speakerForm, speakerOk } from '../../src/evaluation/speaker-match';

describe('speakerOk, as score.py judges speakers', () => {
  it('accepts a prediction that carries one of the name words of a named gold speaker', () => {
    expect(speakerOk('Jane Doe', 'Sen. Jane Doe (D-Ore.), who chairs the panel')).toBe(true);
    expect(speakerOk('Doe', 'Jane Doe')).toBe(true);
  });

  it('does not count titles as name words', () => {
    expect(speakerOk('the former president', 'Former President Jane Doe')).toBe(false);
  });

  it('judges a lower-case description by word overlap, not by a name inside it', () => {
    expect(speakerOk('a campaign aide', 'a campaign aide for Doe')).toBe(true);
    expect(speakerOk('Jane Doe', 'a woman at a Doe campaign event')).toBe(false);
  });

  it('is false when either side is missing', () => {
    expect(speakerOk(null, 'Jane Doe')).toBe(false);
    expect(speakerOk('Jane Doe', null)).toBe(false);
  });
});

describe('which gold speakers are pronouns and which are names', () => {
  it('treats the judge’s pronoun list, in any case and spacing, as pronouns', () => {
    expect(isPronounSpeaker(' He ')).toBe(true);
    expect(isPronounSpeaker('they')).toBe(true);
    expect(isPronounSpeaker('his aide')).toBe(false);
  });

  it('calls a speaker named when it has a name word besides titles', () => {
    expect(speakerForm('Gov. Jane Doe')).toBe('named');
    expect(speakerForm('The official')).toBe('described');
    expect(speakerForm('a spokeswoman')).toBe('described');
  });
});
