#!/usr/bin/env node
// Static checks of the docker compose stack, for a CI that cannot run Docker:
//
//   node infra/test/validate-compose.mjs
//
// 1. infra/docker-compose.yml, interpolated with the values of infra/.env.example, is valid
//    against the Compose Specification's JSON schema (infra/test/compose-spec.json, the copy
//    that the `dclint` npm package ships; see infra/test/README.md).
// 2. The compose file, the Dockerfile, .env.example and .dockerignore do what issue 8 asks
//    (healthchecks, waiting for a healthy database, a named volume, the seed profile, a
//    multi-stage build with pnpm deploy, a non-root user …), and agree with one another.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  composeFile,
  dockerfile,
  environmentOf,
  infraDir,
  interpolateAll,
  keyValues,
  parseDockerfile,
  readCompose,
  repoRoot,
  substitute,
} from './lib.mjs';

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    const detail = fn();
    passed++;
    console.log(`  ✓ ${name}${typeof detail === 'string' ? ` (${detail})` : ''}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n      ${error.message.replace(/\n/g, '\n      ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** KEY=VALUE lines of an .env file; `# KEY=VALUE` lines are returned as documented. */
function readEnvFile(file) {
  const set = {};
  const documented = new Set();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*(#\s*)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    documented.add(match[2]);
    if (!match[1]) set[match[2]] = match[3].replace(/\s+#.*$/, '').trim();
  }
  return { set, documented };
}

/** The schema, compiled; it names draft-07 as https://…/draft-07/schema, which Ajv knows as http. */
function compileSchema(options) {
  const schema = JSON.parse(readFileSync(join(infraDir, 'test/compose-spec.json'), 'utf8'));
  const draft7 = createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-07.json');
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, ...options });
  addFormats(ajv);
  ajv.addMetaSchema({ ...draft7, $id: schema.$schema });
  return { schema, validate: ajv.compile(schema) };
}

const raw = readFileSync(composeFile, 'utf8');
const compose = readCompose();
const envExample = readEnvFile(join(infraDir, '.env.example'));
const services = compose.services ?? {};
const resolved = interpolateAll(compose, envExample.set);
const instructions = parseDockerfile(readFileSync(dockerfile, 'utf8'));

console.log('compose file against the Compose Specification schema');
check('infra/docker-compose.yml is valid (interpolated with infra/.env.example)', () => {
  const { schema, validate } = compileSchema({ allErrors: true });
  if (!validate(resolved)) {
    throw new Error(
      validate.errors
        .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
        .join('\n'),
    );
  }
  return `${Object.keys(schema.definitions).length} definitions`;
});
check('the schema rejects a broken file (the validator is live)', () => {
  const { validate } = compileSchema();
  const broken = structuredClone(resolved);
  broken.services.server.depends_on.postgres.condition = 'service_ready';
  broken.services.server.helthcheck = {};
  assert(!validate(broken), 'a misspelt key and an unknown condition passed the schema');
});

check('the vendored schema is the one dclint ships (else: refresh it from there)', () => {
  const ours = JSON.parse(readFileSync(join(infraDir, 'test/compose-spec.json'), 'utf8'));
  const file = join(repoRoot, 'node_modules/dclint/schemas/compose.schema.json');
  if (!existsSync(file)) return 'dclint is not installed: not compared';
  const theirs = JSON.parse(readFileSync(file, 'utf8'));
  assert(JSON.stringify(ours) === JSON.stringify(theirs), `copy ${file} to infra/test/`);
});

console.log('\nservices');
check('the stack has the services postgres, server, proxy and seed', () => {
  for (const name of ['postgres', 'server', 'proxy', 'seed']) {
    assert(services[name], `no service ${name}`);
  }
});

const pg = services.postgres ?? {};
const pgEnv = environmentOf(pg);
check('postgres: the official image, PostgreSQL 15', () => {
  assert(/^postgres:15(\.|-|$)/.test(pg.image ?? ''), `image is ${pg.image}`);
  return pg.image;
});
check('postgres: its data on a named volume declared at the top level', () => {
  const mount = (pg.volumes ?? []).find((v) =>
    (typeof v === 'string' ? v.split(':')[1] : v.target)?.startsWith('/var/lib/postgresql/data'),
  );
  assert(mount, 'nothing is mounted at /var/lib/postgresql/data');
  const source = typeof mount === 'string' ? mount.split(':')[0] : mount.source;
  assert(!/^[./~]/.test(source), `${source} is a bind mount, not a named volume`);
  assert(compose.volumes && source in compose.volumes, `volume ${source} is not declared`);
  return source;
});
check('postgres: a pg_isready healthcheck', () => {
  const test = [pg.healthcheck?.test].flat().join(' ');
  assert(test.includes('pg_isready'), `healthcheck is ${test}`);
  assert(test.includes(`-U ${pgEnv.POSTGRES_USER}`), 'pg_isready does not name POSTGRES_USER');
});
check('postgres: the password comes from .env and is required', () => {
  assert(/^\$\{POSTGRES_PASSWORD:\?/.test(pgEnv.POSTGRES_PASSWORD ?? ''), pgEnv.POSTGRES_PASSWORD);
});

const server = services.server ?? {};
const serverEnv = environmentOf(server);
const serverCommand = [server.command].flat().join(' ');
check('server: built from infra/server.Dockerfile with the repository root as context', () => {
  assert(resolve(infraDir, server.build?.context ?? '') === repoRoot, 'context is not the root');
  assert(server.build?.dockerfile === 'infra/server.Dockerfile', server.build?.dockerfile);
  assert(existsSync(join(repoRoot, server.build.dockerfile)), 'the Dockerfile does not exist');
});
check('server: scales (no published port, no container_name)', () => {
  assert(!server.ports, 'server publishes ports: a second replica could not bind them');
  assert(!server.container_name, 'container_name stops --scale');
});
check('server: waits for a healthy postgres', () => {
  assert(server.depends_on?.postgres?.condition === 'service_healthy', 'no service_healthy');
});
check('server: migrates, then serves in the foreground (exec, so SIGTERM reaches node)', () => {
  const migrate = serverCommand.indexOf('apps/server/dist/cli.js migrate');
  const serve = serverCommand.indexOf('exec node apps/server/dist/index.js');
  assert(migrate >= 0 && serve > migrate, `command is: ${serverCommand}`);
  return serverCommand.replace(/^sh -c /, '');
});
check('server: a healthcheck on /readyz with node (the image has no curl)', () => {
  const test = server.healthcheck?.test ?? [];
  assert(test[0] === 'CMD' && test[1] === 'node', `test is ${JSON.stringify(test)}`);
  assert(test.join(' ').includes('/readyz'), 'the healthcheck does not ask /readyz');
});
check('server: DATABASE_URL names the postgres service, its user, database and password', () => {
  const url = serverEnv.DATABASE_URL ?? '';
  const expected = `postgres://${pgEnv.POSTGRES_USER}:\${POSTGRES_PASSWORD:?`;
  assert(url.startsWith(expected), `DATABASE_URL is ${url}`);
  assert(url.endsWith(`@postgres:5432/${pgEnv.POSTGRES_DB}`), `DATABASE_URL is ${url}`);
});
check('server: ADMIN_TOKEN comes from .env', () => {
  assert(/^\$\{ADMIN_TOKEN\b/.test(serverEnv.ADMIN_TOKEN ?? ''), serverEnv.ADMIN_TOKEN);
});
check('server: listens on every interface here (HOST=0.0.0.0; its default is loopback)', () => {
  assert(serverEnv.HOST === '0.0.0.0', `HOST is ${serverEnv.HOST}`);
});
check('server: /metrics on a port of its own, exposed to the compose network only', () => {
  const port = serverEnv.METRICS_PORT;
  assert(/^\d+$/.test(port ?? '') && port !== serverEnv.PORT, `METRICS_PORT is ${port}`);
  assert(serverEnv.METRICS_HOST === '0.0.0.0', `METRICS_HOST is ${serverEnv.METRICS_HOST}`);
  assert((server.expose ?? []).map(String).includes(port), `${port} is not exposed`);
  assert(!server.ports, 'the server publishes ports');
});

const proxy = services.proxy ?? {};
const proxyEnv = environmentOf(resolved.services?.proxy ?? {});
check('proxy: publishes http://localhost:4000 and forwards to server:PORT', () => {
  const ports = (resolved.services.proxy.ports ?? []).map(String);
  assert(ports.includes('127.0.0.1:4000:80'), `ports are ${ports.join(', ')}`);
  assert(proxyEnv.FUNDTRACE_UPSTREAM === `server:${serverEnv.PORT}`, proxyEnv.FUNDTRACE_UPSTREAM);
  assert(proxyEnv.DNS_RESOLVER === '127.0.0.11', 'the resolver is not Docker’s embedded DNS');
});
check('proxy: its config template exists and is mounted where the nginx image renders it', () => {
  const mount = (proxy.volumes ?? []).find((v) => String(v).includes('/etc/nginx/templates/'));
  assert(mount, 'no template is mounted');
  const [source] = String(mount).split(':');
  const file = resolve(infraDir, source);
  assert(existsSync(file), `${source} does not exist`);
  const text = readFileSync(file, 'utf8');
  for (const name of ['FUNDTRACE_UPSTREAM', 'DNS_RESOLVER']) {
    assert(text.includes(`\${${name}}`), `the template does not use \${${name}}`);
  }
  assert(/proxy_pass \$\w+;/.test(text), 'proxy_pass is not a variable (no re-resolution)');
});
check("proxy: its body cap is the server's upload cap (MAX_UPLOAD_BYTES)", () => {
  const text = readFileSync(join(infraDir, 'proxy/default.conf.template'), 'utf8');
  const cap = /client_max_body_size (\d+)m;/.exec(text)?.[1];
  const upload = Number(serverEnv.MAX_UPLOAD_BYTES);
  assert(cap && Number(cap) * 1024 * 1024 === upload, `proxy ${cap}m, server ${upload} bytes`);
  return `${cap} MiB`;
});
check('proxy: waits for a healthy server', () => {
  assert(proxy.depends_on?.server?.condition === 'service_healthy', 'no service_healthy');
});

const seed = services.seed ?? {};
check('seed: only under the `seed` profile', () => {
  assert(seed.profiles?.includes('seed'), `profiles are ${seed.profiles}`);
});
check('seed: the server image, the synthetic generator, the same database', () => {
  assert(JSON.stringify(seed.build) === JSON.stringify(server.build), 'a different build');
  const command = [seed.command].flat().join(' ');
  assert(command.startsWith('node packages/generator/dist/generate-cli.js'), command);
  assert(environmentOf(seed).DATABASE_URL === serverEnv.DATABASE_URL, 'another DATABASE_URL');
  assert(seed.depends_on?.postgres?.condition === 'service_healthy', 'no service_healthy');
});
check('seed: the size is configurable, national (≥ 250,000 cohorts) by default', () => {
  const command = [seed.command].flat();
  const cohorts = command[command.indexOf('--cohorts') + 1] ?? '';
  const match = /^\$\{SEED_COHORTS:-(\d+)\}$/.exec(cohorts);
  assert(match && Number(match[1]) >= 250000, `--cohorts is ${cohorts}`);
  return cohorts;
});

console.log('\n.env.example, .gitignore, .dockerignore');
check('.env.example sets every variable the compose file requires (:? in the file)', () => {
  const required = [...raw.matchAll(/\$\{([A-Z_][A-Z0-9_]*):?\?/g)].map((m) => m[1]);
  for (const name of new Set(required)) {
    assert(envExample.set[name], `${name} is required but not set in infra/.env.example`);
  }
  for (const name of ['POSTGRES_PASSWORD', 'ADMIN_TOKEN']) {
    assert(name in envExample.set, `${name} is missing`);
  }
});
check('.env.example documents every variable the compose file reads', () => {
  const used = new Set([...raw.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));
  const missing = [...used].filter((name) => !envExample.documented.has(name));
  assert(missing.length === 0, `not in infra/.env.example: ${missing.join(', ')}`);
  return [...used].join(', ');
});
check('the example password is URL-safe (it goes into DATABASE_URL as it is)', () => {
  assert(/^[A-Za-z0-9._~-]+$/.test(envExample.set.POSTGRES_PASSWORD), 'unsafe characters');
});
check('infra/.env is ignored by git', () => {
  execFileSync('git', ['check-ignore', '-q', 'infra/.env'], { cwd: repoRoot });
});
check('.dockerignore keeps dependencies, build output and secrets out of the context', () => {
  const lines = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
  for (const pattern of ['**/node_modules', '**/dist', '.git', '**/.env']) {
    assert(lines.includes(pattern), `.dockerignore lacks ${pattern}`);
  }
});

console.log('\ninfra/server.Dockerfile');
const globalArgs = {};
const stages = [];
for (const ins of instructions) {
  if (ins.keyword === 'ARG' && stages.length === 0) {
    for (const [k, v] of keyValues(ins.args)) globalArgs[k] = v ?? '';
  } else if (ins.keyword === 'FROM') {
    const [image, , name] = substitute(ins.args, globalArgs).split(/\s+/);
    stages.push({ image, name, instructions: [] });
  } else {
    stages.at(-1)?.instructions.push(ins);
  }
}
const [build, runtime] = [stages.at(0), stages.at(-1)];
const runs = (build?.instructions ?? []).filter((i) => i.keyword === 'RUN').map((i) => i.args);
check('multi-stage: a build stage and a runtime stage, both node:20-bookworm-slim', () => {
  assert(stages.length >= 2, `${stages.length} stage(s)`);
  for (const s of stages) assert(s.image === 'node:20-bookworm-slim', `${s.name} is ${s.image}`);
  return stages.map((s) => s.name).join(' → ');
});
check('build: the pnpm of package.json, a frozen lockfile, pnpm build', () => {
  const { packageManager } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const args = Object.fromEntries(
    build.instructions.filter((i) => i.keyword === 'ARG').flatMap((i) => keyValues(i.args)),
  );
  assert(
    packageManager === `pnpm@${args.PNPM_VERSION}`,
    `${packageManager} ≠ ${args.PNPM_VERSION}`,
  );
  assert(
    runs.some((r) => /^pnpm install --frozen-lockfile\b/.test(r)),
    'no pnpm install --frozen-lockfile',
  );
  assert(runs.includes('pnpm build'), 'no pnpm build');
});
check('build: pnpm deploy of the server with production dependencies only', () => {
  const deploy = runs.find((r) => r.startsWith('pnpm deploy'));
  assert(deploy, 'no pnpm deploy');
  assert(/--filter=@fundtrace\/server\b/.test(deploy) && /--prod\b/.test(deploy), deploy);
});
check('runtime: no sources, only the deployed files from the build stage', () => {
  const copies = runtime.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
  assert(copies.length > 0, 'copies nothing');
  const deployDir = Object.fromEntries(
    build.instructions.filter((i) => i.keyword === 'ARG').flatMap((i) => keyValues(i.args)),
  ).DEPLOY_DIR;
  for (const c of copies) {
    assert(c.flags.from === build.name, `line ${c.line} copies ${c.args}`);
    assert(c.args.startsWith(`${deployDir}/`), `line ${c.line} copies from outside ${deployDir}`);
  }
  assert(!runtime.instructions.some((i) => i.keyword === 'RUN'), 'the runtime stage runs commands');
});
check('runtime: runs as the unprivileged user node', () => {
  const users = runtime.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args);
  assert(users.at(-1) === 'node', `the last USER is ${users.at(-1) ?? 'none (root)'}`);
});
check('runtime: EXPOSE, PORT and the compose PORT agree; CMD in exec form', () => {
  const expose = runtime.instructions.find((i) => i.keyword === 'EXPOSE')?.args;
  const env = Object.fromEntries(
    runtime.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => keyValues(i.args)),
  );
  assert(expose === env.PORT && env.PORT === serverEnv.PORT, `${expose}, ${env.PORT}`);
  assert(env.NODE_ENV === 'production', 'NODE_ENV is not production');
  const cmd = runtime.instructions.find((i) => i.keyword === 'CMD');
  assert(cmd?.json, 'CMD is not in exec form');
  return cmd.json.join(' ');
});
check('runtime: the HEALTHCHECK is the compose healthcheck of the server', () => {
  const hc = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK');
  assert(hc?.json, 'no HEALTHCHECK in exec form');
  const compose = server.healthcheck.test.slice(1);
  assert(JSON.stringify(hc.json) === JSON.stringify(compose), 'they differ');
});
check('no image is unpinned (latest or no tag)', () => {
  const images = [...stages.map((s) => s.image), ...Object.values(services).map((s) => s.image)];
  for (const image of images.filter(Boolean)) {
    assert(/:[^/]+$/.test(image) && !image.endsWith(':latest'), `${image} is not pinned`);
  }
});

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
