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

describe('what the writer does beyond a new actor’s aliases', () => {
  it('makes a new actor, flagged ambiguous, for a single word two known persons carry', () => {
    const registry = new ActorRegistry();
    registry.resolveArticle([actor('Ann Lynx'), actor('Ben Lynx')]);
    const lynx = registry.resolveArticle([actor('Lynx')]).get('Lynx');
    expect(lynx).toMatchObject({ name: 'Lynx', ambiguous: true });
    expect(registry.resolveArticle([actor('Lynx')]).get('Lynx')).toEqual(lynx);
  });

  it('joins an organisation to the one organisation an alias names, and records the new form on it', () => {
    const registry = new ActorRegistry();
    const sect = registry.resolveArticle([actor('Zentology', 'ORGANIZATION')]).get('Zentology');
    const church = { ...actor('Church of Zentology', 'ORGANIZATION'), aliases: ['Zentology'] };
    expect(registry.resolveArticle([church]).get('Church of Zentology')).toEqual(sect);
    expect(registry.resolveArticle([actor('Church of  Zentology', 'STATE')]).get('Church of  Zentology')).toEqual(sect);
  });

  it('never joins a person through an alias', () => {
    const registry = new ActorRegistry();
    const brook = registry.resolveArticle([actor('Brook')]).get('Brook');
    const ivy = { ...actor('Ivy Brook'), aliases: ['Brook'] };
    expect(registry.resolveArticle([ivy]).get('Ivy Brook')).not.toEqual(brook);
  });

  it('adds aliases to an actor a later article names again', () => {
    const registry = new ActorRegistry();
    const army = registry.resolveArticle([actor('Korean People’s Army', 'ORGANIZATION')]).get('Korean People’s Army');
    registry.resolveArticle([{ ...actor('Korean People’s Army', 'ORGANIZATION'), aliases: ['KPA'] }]);
    expect(registry.resolveArticle([actor('KPA', 'ORGANIZATION')]).get('KPA')).toEqual(army);
  });
});
