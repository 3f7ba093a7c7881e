// The extraction pool's worker from its TypeScript source, for the pool's tests under ts-jest,
// where no compiled worker exists: each .ts module is transpiled as it is required.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

module.exports = require('../../src/extraction-pool/extraction.worker.ts');
