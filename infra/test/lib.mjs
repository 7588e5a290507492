// Shared by the infra checks: reading infra/docker-compose.yml the way Compose does (YAML with
// merge keys, then ${…} interpolation) and parsing infra/server.Dockerfile into instructions.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const infraDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(infraDir, '..');
export const composeFile = resolve(infraDir, 'docker-compose.yml');
export const dockerfile = resolve(infraDir, 'server.Dockerfile');

/** The compose file as YAML data, merge keys (`<<: *anchor`) resolved, not yet interpolated. */
export function readCompose(file = composeFile) {
  return parse(readFileSync(file, 'utf8'), { merge: true, uniqueKeys: true });
}

/**
 * Compose's interpolation of one string: $$ → $, $VAR, ${VAR}, ${VAR:-default},
 * ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt}.
 * `env` maps names to values; a name absent from it is unset.
 */
export function interpolate(text, env) {
  const pattern =
    /\$(?:(\$)|([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\})/g;
  return text.replace(pattern, (_, dollar, bare, name, op, arg) => {
    if (dollar) return '$';
    const key = bare ?? name;
    const value = Object.hasOwn(env, key) ? env[key] : undefined;
    const unsetOrEmpty = value === undefined || value === '';
    switch (op) {
      case undefined:
        return value ?? '';
      case ':-':
        return unsetOrEmpty ? arg : value;
      case '-':
        return value === undefined ? arg : value;
      case ':?':
      case '?':
        if (op === ':?' ? unsetOrEmpty : value === undefined) {
          throw new Error(`required variable ${key} is missing a value: ${arg}`);
        }
        return value;
      case ':+':
        return unsetOrEmpty ? '' : arg;
      case '+':
        return value === undefined ? '' : arg;
      default:
        throw new Error(`unsupported interpolation in ${text}`);
    }
  });
}

/** Interpolates every string in a YAML value (keys stay as written, as in Compose). */
export function interpolateAll(value, env) {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env)]));
  }
  return value;
}

/** A service's environment as an object, whichever of the two Compose forms it is written in. */
export function environmentOf(service) {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) {
    return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
  }
  return Object.fromEntries(
    env.map((entry) => {
      const at = entry.indexOf('=');
      return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
    }),
  );
}

/**
 * A Dockerfile as a list of instructions: { line, keyword, flags, args, json }. Handles
 * comments, the `escape` directive and line continuations the way BuildKit does (a comment
 * line inside a continuation is dropped; the escape character and the newline are removed,
 * nothing is added).
 */
export function parseDockerfile(text) {
  const lines = text.split(/\r?\n/);
  let escapeChar = '\\';
  let i = 0;
  for (; i < lines.length; i++) {
    const directive = /^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$/.exec(lines[i]);
    if (!directive) break;
    if (directive[1].toLowerCase() === 'escape') escapeChar = directive[2];
  }
  const instructions = [];
  while (i < lines.length) {
    const start = i;
    let line = lines[i++];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.trimEnd().endsWith(escapeChar) && i < lines.length) {
      line = line.trimEnd().slice(0, -escapeChar.length);
      while (i < lines.length && /^\s*#/.test(lines[i])) i++;
      if (i < lines.length) line += lines[i++];
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1].toUpperCase();
    let rest = match[2].trim();
    const flags = {};
    if (keyword !== 'HEALTHCHECK' || !/^(CMD|NONE)\b/i.test(rest)) {
      for (;;) {
        const flag = /^--([a-z-]+)(?:=(\S+))?\s*/.exec(rest);
        if (!flag || !['RUN', 'COPY', 'ADD', 'FROM', 'HEALTHCHECK'].includes(keyword)) break;
        flags[flag[1]] = flag[2] ?? true;
        rest = rest.slice(flag[0].length);
      }
    }
    let json = null;
    const body = keyword === 'HEALTHCHECK' ? rest.replace(/^CMD\s+/i, '') : rest;
    if (body.startsWith('[')) {
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
    }
    instructions.push({ line: start + 1, keyword, flags, args: rest, json });
  }
  return instructions;
}

/** Splits `KEY=VALUE KEY2="VALUE 2"` (ENV, ARG) into pairs; also the legacy `ENV KEY VALUE`. */
export function keyValues(args) {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args) && /\s/.test(args)) {
    const at = args.search(/\s/);
    return [[args.slice(0, at), args.slice(at).trim()]];
  }
  const pairs = [];
  const pattern = /([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  for (const [, key, raw] of args.matchAll(pattern)) {
    let value = raw;
    if (value?.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    else if (value?.startsWith("'")) value = value.slice(1, -1);
    pairs.push([key, value]);
  }
  return pairs;
}

/** Dockerfile variable substitution (FROM, COPY, WORKDIR, ENV …): $VAR, ${VAR}, ${VAR:-x}, ${VAR:+x}. */
export function substitute(text, vars) {
  return text.replace(
    /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\})/g,
    (_, bare, name, op, arg) => {
      const value = vars[bare ?? name];
      if (op === '-') return value ? value : arg;
      if (op === '+') return value ? arg : '';
      return value ?? '';
    },
  );
}
