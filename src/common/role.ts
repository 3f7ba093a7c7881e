// What a key may do: a reader reads, an editor also imports, curates and re-extracts, an admin
// also manages keys. Each role can do all that the roles below it can.
import { registerEnumType } from 'type-graphql';

export enum Role {
  READER = 'READER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    READER: { description: 'Reads, where reads need a key.' },
    EDITOR: { description: 'Also imports, curates and re-extracts: every mutation but the keys.' },
    ADMIN: { description: 'Also creates, lists and revokes keys.' },
  },
});

const RANK: Record<Role, number> = { [Role.READER]: 1, [Role.EDITOR]: 2, [Role.ADMIN]: 3 };

export function canActAs(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

/** The role named on a command line or in an environment variable: reader, editor, admin. */
export function roleNamed(name: string): Role | undefined {
  const wanted = name.trim().toUpperCase();
  return Object.values(Role).find((role) => String(role) === wanted);
}
