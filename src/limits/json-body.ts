// Request bodies read as JSON, up to a limit chosen per request (an editor's imports may be larger
// than anyone's read). body-parser answers a body over its limit only once it has read the whole of
// it, so a body whose declared length is over the limit is refused here at once, and its connection
// closed: a client cannot make the server take in 100 MB to refuse it.
import express from 'express';

/** A limit and the setting that sets it, which the refusal names. */
export interface BodyLimit {
  readonly bytes: number;
  readonly setting: string;
}

/** How a body over its limit reaches the error handler: body-parser's 413, with the limit named. */
export interface BodyTooLarge {
  readonly status: 413;
  readonly type: 'entity.too.large';
  readonly limit: BodyLimit;
}

function isTooLarge(error: unknown): error is { status: 413 } {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 413;
}

export function isBodyTooLarge(error: unknown): error is BodyTooLarge {
  return isTooLarge(error) && typeof (error as { limit?: unknown }).limit === 'object';
}

/** JSON bodies up to `limitOf(req, res)`, with one parser per distinct limit. */
export function jsonBody(limitOf: (req: express.Request, res: express.Response) => BodyLimit): express.RequestHandler {
  const parsers = new Map<number, express.RequestHandler>();
  return (req, res, next) => {
    const limit = limitOf(req, res);
    const tooLarge = (error: object) => Object.assign(error, { status: 413, type: 'entity.too.large', limit });
    if (Number(req.headers['content-length']) > limit.bytes) {
      // Node closes the connection after the answer instead of reading the rest of the body.
      res.setHeader('Connection', 'close');
      next(tooLarge(new Error('request entity too large')));
      return;
    }
    let parser = parsers.get(limit.bytes);
    if (!parser) parsers.set(limit.bytes, (parser = express.json({ limit: limit.bytes })));
    parser(req, res, (error?: unknown) => next(isTooLarge(error) ? tooLarge(error) : error));
  };
}
