// The playground: GraphiQL served entirely from the server's own assets (the prebuilt GraphiQL and
// React files of their npm packages), with the cookbook as its tabs. Nothing is fetched from the
// internet, so it works offline.
import path from 'node:path';
import type { Recipe } from './cookbook';

/** A file a package ships but does not export: found beside the package's main module. */
function fileOfPackage(name: string, file: string): string {
  const main = require.resolve(name);
  return path.join(
    main.slice(0, main.lastIndexOf(`${path.sep}node_modules${path.sep}${name}${path.sep}`)),
    'node_modules',
    name,
    file,
  );
}

/** The files the page loads, by the name it asks for them, resolved in node_modules. */
export const PLAYGROUND_ASSETS: Record<string, string> = {
  'react.production.min.js': fileOfPackage('react', 'umd/react.production.min.js'),
  'react-dom.production.min.js': fileOfPackage('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.min.js': fileOfPackage('graphiql', 'graphiql.min.js'),
  'graphiql.min.css': fileOfPackage('graphiql', 'graphiql.min.css'),
};

export const PLAYGROUND_SCRIPT = `
const cookbook = JSON.parse(document.getElementById('cookbook').textContent);
const headers = JSON.parse(document.getElementById('headers').textContent);
const send = GraphiQL.createFetcher({ url: window.location.pathname });
// GraphiQL keeps the operation name of the tab it started on when another tab is run; a name the
// document does not define is dropped, so the document's own operation runs.
const fetcher = (params, options) => {
  const names = [...params.query.matchAll(/(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((match) => match[1]);
  return send(names.includes(params.operationName) ? params : { ...params, operationName: undefined }, options);
};
const root = ReactDOM.createRoot(document.getElementById('graphiql'));
root.render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: cookbook.map((recipe) => ({ query: recipe.document, variables: JSON.stringify(recipe.variables, null, 2) })),
    defaultEditorToolsVisibility: true,
    // The local editor key, when the page was served to this machine's browser: imports work at once.
    defaultHeaders: Object.keys(headers).length ? JSON.stringify(headers, null, 2) : undefined,
  }),
);
`;

export interface PlaygroundTab extends Recipe {
  readonly variables: Record<string, unknown>;
}

function jsonForScript(value: unknown): string {
  // Inside <script>, "</script>" or "<!--" in a string would end or confuse the element.
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function playgroundPage(
  tabs: PlaygroundTab[],
  headers: Record<string, string> = {},
  assetsPath = '/playground',
): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Quotegraph playground</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${assetsPath}/graphiql.min.css">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the playground…</div>
  <script id="cookbook" type="application/json">${jsonForScript(tabs)}</script>
  <script id="headers" type="application/json">${jsonForScript(headers)}</script>
  <script src="${assetsPath}/react.production.min.js"></script>
  <script src="${assetsPath}/react-dom.production.min.js"></script>
  <script src="${assetsPath}/graphiql.min.js"></script>
  <script src="${assetsPath}/playground.js"></script>
</body>
</html>
`;
}
