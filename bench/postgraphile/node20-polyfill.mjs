// PostGraphile 5 targets Node >= 22, and on Node 20 the only thing it reaches for that is missing is
// `Promise.withResolvers()` (ES2024, Node 22): @dataplan/pg's executor, grafast and grafserv call it
// per request, and without it every query fails. This adds it, per the spec (`this` is the
// constructor), only where the runtime lacks it. Imported before anything else in server.mjs.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve, reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
