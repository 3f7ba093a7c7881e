// The in-memory mirror of actor-writer.ts: how actors are linked from one article to the next.
import { ActorRegistry, foldKey } from '../../src/evaluation/actor-registry';

const actor = (name: string, kind: 'PERSON' | 'ORGANIZATION' | 'STATE' | 'MEDIA' = 'PERSON') => ({
  name,
  kind,
});

describe('linking actors across articles as the server does', () => {
  it('folds names as normalise_key does: case, accents and runs of white space', () => {
    expect(foldKey(' José  Pérez ')).toBe('jose perez');
  });

  it('links a later article’s name to the actor of the same folded name, keeping the first kind', () => {
    const registry = new ActorRegistry();
    const first = registry.resolveArticle([actor('Acme Corp', 'ORGANIZATION')]).get('Acme Corp');
    const second = registry.resolveArticle([actor('ACME  corp', 'PERSON')]).get('ACME  corp');
    expect(second).toEqual(first);
    expect(second?.kind).toBe('ORGANIZATION');
  });

  it('links a single word to the only person whose name ends with it, but not within the same article', () => {
    const registry = new ActorRegistry();
    const same = registry.resolveArticle([actor('Jane Roe'), actor('Roe')]);
    expect(same.get('Roe')?.id).not.toBe(same.get('Jane Roe')?.id);
    const later = registry.resolveArticle([actor('Doe')]);
    expect(later.get('Doe')?.id).not.toBe(same.get('Jane Roe')?.id);
    expect(registry.resolveArticle([actor('Rex Doe')]).get('Rex Doe')?.id).not.toBe(later.get('Doe')?.id);
  });

  it('creates a new actor for a surname two persons share', () => {
    const registry = new ActorRegistry();
    const people = registry.resolveArticle([actor('Ann Poe'), actor('Ben Poe')]);
    const poe = registry.resolveArticle([actor('Poe')]).get('Poe');
    expect([people.get('Ann Poe')?.id, people.get('Ben Poe')?.id]).not.toContain(poe?.id);
    const single = new ActorRegistry();
    const ann = single.resolveArticle([actor('Ann Poe')]).get('Ann Poe');
    expect(single.resolveArticle([actor('Poe')]).get('Poe')).toEqual(ann);
  });
});

describe('aliases recorded with a new actor', () => {
  it('link a later article’s name of several words, and a single word only one actor carries', () => {
    const registry = new ActorRegistry();
    const army = registry.resolveArticle([
      { ...actor('Korean People’s Army', 'ORGANIZATION'), aliases: ['KPA', 'the Korean Army'] },
    ]);
    const later = registry.resolveArticle([actor('KPA'), actor('The Korean  army')]);
    expect(later.get('KPA')).toEqual(army.get('Korean People’s Army'));
    expect(later.get('The Korean  army')).toEqual(army.get('Korean People’s Army'));
  });
});
