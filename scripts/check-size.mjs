// The size rule for hand-written source in apps/ and packages/: no file over 300 lines, no
// function over 80. Lines are physical lines. Biome's noExcessiveLinesPerFile and
// noExcessiveLinesPerFunction (also on, in biome.jsonc) count neither the lines inside template
// literals (SQL) nor those of a multi-line JSX expression, so they pass a 143-line component.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from '@babel/parser';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;
const ROOTS = ['apps', 'packages'];
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|css)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', '.turbo', '.data', 'coverage', 'artifacts']);
/** Generated code, frozen migrations and seed data are not written by hand. */
const GENERATED = [
  /^apps\/explorer\/src\/gql\//,
  /\/db\/migrations\//,
  /^apps\/server\/src\/seed\/article\//,
];

const root = new URL('..', import.meta.url).pathname;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* files(join(dir, entry.name));
    } else if (SOURCE.test(entry.name)) yield join(dir, entry.name);
  }
}

const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

/** Every function in the tree, with the lines it spans, first line to last. */
function* functions(node) {
  if (Array.isArray(node)) {
    for (const child of node) yield* functions(child);
    return;
  }
  if (!node || typeof node.type !== 'string') return;
  if (FUNCTIONS.has(node.type)) yield node;
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'loc' && child && typeof child === 'object') yield* functions(child);
  }
}

function functionProblems(name, text) {
  if (name.endsWith('.css')) return [];
  const plugins = name.endsWith('.ts') || name.endsWith('.mts') ? ['typescript'] : ['jsx'];
  if (name.endsWith('.tsx')) plugins.push('typescript');
  const ast = parse(text, { sourceType: 'module', plugins, errorRecovery: true });
  const problems = [];
  for (const f of functions(ast.program)) {
    // The body's lines, between the line that opens the function and the one that closes it.
    const lines = f.loc.end.line - f.loc.start.line - 1;
    if (lines > MAX_FUNCTION_LINES) {
      const what = f.id?.name ?? f.key?.name ?? 'a function';
      problems.push(`${name}:${f.loc.start.line}: ${what} has ${lines} lines in its body`);
    }
  }
  return problems;
}

const problems = [];
for (const top of ROOTS) {
  for (const path of files(join(root, top))) {
    const name = relative(root, path);
    if (GENERATED.some((pattern) => pattern.test(name))) continue;
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) problems.push(`${name}: ${lines} lines`);
    problems.push(...functionProblems(name, text));
  }
}
if (problems.length) {
  console.error(
    `Over ${MAX_FILE_LINES} lines a file or ${MAX_FUNCTION_LINES} a function (split them along their seams):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
