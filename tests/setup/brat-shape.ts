// What a brat .ann says whatever its ids: shared by the format's tests and the round trips through the server.

/** A .ann's T lines as type and offsets, and its events as roles to offsets: what ids cannot change. */
export function standoffShape(text: string) {
  const rows = text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
  const textBounds = new Map(rows.filter(([id]) => id.startsWith('T')).map(([id, annotation]) => [id, annotation]));
  const offsetsOf = (id: string) => textBounds.get(id)?.replace(/^\S+ /, '');
  const events = rows
    .filter(([id]) => id.startsWith('E'))
    .map(([, annotation]) =>
      annotation
        .split(' ')
        .map((argument) => argument.replace(/:(T\d+)$/, (_, id: string) => ` ${offsetsOf(id)}`))
        .sort()
        .join(' | '),
    );
  return {
    textBounds: [...textBounds.values()].filter((annotation) => !annotation.startsWith('Discuss')).sort(),
    events: events.sort(),
  };
}
