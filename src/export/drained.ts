// Streams that export to a client wait for it: until what was written drains, or the client goes
// away (then the export loop sees the response destroyed and stops).
import type { Response } from 'express';

export async function drainedOrClosed(stream: NodeJS.WritableStream, res: Response): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.removeListener('drain', done);
      res.removeListener('close', done);
      resolve();
    };
    stream.once('drain', done);
    res.once('close', done);
  });
}
