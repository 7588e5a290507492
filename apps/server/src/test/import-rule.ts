/**
 * Which part of the server may import which (docs/architecture.md). Lower layers never import
 * higher ones; import-rule.test.ts checks every relative import of src/ against this table.
 */
const BELOW_HTTP = [
  'graphql',
  'exports',
  'imports',
  'documents',
  'seed',
  'trace',
  'auth',
  'domain',
  'db',
] as const;
const ALL = ['cli', 'cache', 'http', ...BELOW_HTTP] as const;

export const ALLOWED = {
  /** Tables, connections, migrations. */
  db: ['db'],
  /** Record types, their rules, writes and queries; money; domain errors. */
  domain: ['domain', 'db'],
  /** The tracing engine (a pure core and its loaders). */
  trace: ['trace', 'domain', 'db'],
  auth: ['auth', 'db'],
  /** The curated data set and its loader. */
  seed: ['seed', 'domain', 'db'],
  /** Reading and normalising new source documents (text, HTML, PDF). */
  documents: ['documents', 'seed', 'domain', 'db'],
  imports: ['imports', 'domain', 'db'],
  /** Exports write the file formats imports read (the CSV columns). */
  exports: ['exports', 'imports', 'domain', 'db'],
  /** The GraphQL face: schema types, the builder, the write edge, error mapping. */
  graphql: ['graphql', 'trace', 'imports', 'documents', 'auth', 'domain', 'db'],
  /** Response caching, keyed by the data version (it knows nothing of tracing). */
  cache: ['cache', 'http', 'db'],
  /** The HTTP server around it: Yoga, caches, limits, logs, process life. */
  http: ['http', 'cache', ...BELOW_HTTP],
  cli: ALL,
  /** Test support may use everything. */
  test: ['test', ...ALL],
} as const satisfies Record<string, readonly string[]>;

export type Layer = keyof typeof ALLOWED;

const GRAPHQL_FILES = ['builder.ts', 'context.ts', 'graphql-errors.ts', 'limits.ts'];
const CLI_FILES = ['cli.ts'];

/** The layer of a file, by its path under src/. */
export function layerOf(path: string): Layer {
  const [top = '', ...rest] = path.split('/');
  if (rest.length === 0) {
    if (GRAPHQL_FILES.includes(top)) return 'graphql';
    return CLI_FILES.includes(top) ? 'cli' : 'http';
  }
  switch (top) {
    case 'db':
    case 'domain':
    case 'trace':
    case 'auth':
    case 'seed':
    case 'imports':
    case 'exports':
    case 'documents':
    case 'test':
    case 'cache':
      return top;
    case 'schema':
    case 'mutations':
      return 'graphql';
    case 'scripts':
      return 'cli';
    default:
      return 'http';
  }
}
