// What a browser sees at GET /graphql until the offline playground exists: how to query the API.
const EXAMPLE = `{
  quotes(first: 3) {
    totalCount
    edges { node { text kind source { descriptor anonymity affiliation { name } } } }
  }
}`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function queryHelpPage(endpoint: string): string {
  const curl = `curl -s ${endpoint} -H 'content-type: application/json' \\\n  -d '${JSON.stringify({ query: EXAMPLE.replace(/\s+/g, ' ') })}'`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Quotegraph API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}pre{background:#f4f4f4;padding:1rem;overflow:auto}</style>
</head>
<body>
<h1>Quotegraph GraphQL API</h1>
<p>Send GraphQL queries as JSON with <code>POST ${escapeHtml(endpoint)}</code>. The schema is in
<code>schema/schema.graphql</code> and answers introspection.</p>
<h2>Example</h2>
<pre>${escapeHtml(EXAMPLE)}</pre>
<pre>${escapeHtml(curl)}</pre>
</body>
</html>
`;
}
