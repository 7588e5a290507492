#!/usr/bin/env node
// Replays infra/server.Dockerfile without Docker, as closely as a plain directory allows:
//
//   node infra/test/dockerfile-dry-run.mjs --out DIR [--keep-going]
//
// Each stage gets a directory DIR/<stage> standing in for its root file system. The build
// context is the repository's files (tracked and untracked, not git-ignored) less the
// patterns of .dockerignore. WORKDIR, ENV, ARG, COPY (from the context or --from a stage)
// and RUN are carried out: RUN runs its shell line with `sh -c` in the stage's working
// directory, with the stage's ARG and ENV values in the environment, where a value that is
// an absolute path points into the stage's directory. So that a RUN line cannot touch the
// machine, it may name no absolute path (use an ARG instead) and only the commands listed in
// ALLOWED_COMMANDS; `npm install --global` installs into the stage's /usr/local. The pnpm
// store is the machine's, as a BuildKit cache mount would be.
//
// Prints the image the last stage makes, as JSON: its directory, WORKDIR (a path inside the
// directory), ENV, USER, EXPOSE, CMD, ENTRYPOINT and HEALTHCHECK. infra/test/smoke.sh runs
// the compose command lines in that WORKDIR.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, posix } from 'node:path';
import { parseArgs } from 'node:util';
import { dockerfile, keyValues, parseDockerfile, repoRoot, substitute } from './lib.mjs';

const ALLOWED_COMMANDS = new Set([
  'npm',
  'pnpm',
  'mkdir',
  'mv',
  'cp',
  'test',
  'rm',
  'ln',
  'chmod',
  'for',
  'do',
  'done',
  'true',
  'node',
  'echo',
]);

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: node infra/test/dockerfile-dry-run.mjs --out DIR');
  process.exit(2);
}
const out = values.out;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const log = (message) => process.stderr.write(`[dry-run] ${message}\n`);

/** .dockerignore patterns as tests on a slash-separated path (Go filepath.Match plus **). */
function dockerignore() {
  const file = join(repoRoot, '.dockerignore');
  if (!existsSync(file)) return () => false;
  const rules = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = posix.normalize((negate ? l.slice(1) : l).replace(/^\/+/, ''));
      const source = pattern
        .split('/')
        .map((part) =>
          part === '**'
            ? '(?:.*)'
            : part
                .replace(/[.+^${}()|\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\(\?:\.\*\)\//g, '(?:.*/)?');
      return { negate, regex: new RegExp(`^${source}(?:/.*)?$`) };
    });
  return (path) => {
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(path)) ignored = !rule.negate;
    return ignored;
  };
}

function buildContext() {
  const dir = join(out, 'context');
  const ignored = dockerignore();
  const files = execFileSync('git', ['ls-files', '-z', '-co', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((f) => f && !ignored(f) && existsSync(join(repoRoot, f)));
  for (const file of files) {
    mkdirSync(join(dir, posix.dirname(file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dir, file), { verbatimSymlinks: true });
  }
  log(`context: ${files.length} files (.dockerignore applied)`);
  return dir;
}

/** Refuses a RUN line that could reach outside the stage directory. */
function checkRunLine(line, shell) {
  const literalPath = /(^|[\s'"=:;&|(])\/[A-Za-z0-9._-]/.exec(line);
  if (literalPath) {
    throw new Error(`RUN names an absolute path (use an ARG so the dry run can move it): ${line}`);
  }
  const segments = line
    .split(/&&|\|\||;|\||\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const segment of segments) {
    const command = segment.split(/\s+/)[0];
    if (!ALLOWED_COMMANDS.has(command)) {
      throw new Error(`RUN uses \`${command}\`, which the dry run does not run on this machine`);
    }
    if (command === 'do' && !ALLOWED_COMMANDS.has(segment.split(/\s+/)[1])) {
      throw new Error(`RUN uses \`${segment.split(/\s+/)[1]}\` in a loop: not allowed`);
    }
  }
  if (shell !== 'sh') throw new Error(`only the default shell is supported, not ${shell}`);
}

const hostEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([k]) => !/^(npm_|PNPM_|pnpm_|INIT_CWD$|TURBO_|NODE_OPTIONS$|NODE_ENV$)/.test(k),
  ),
);

const instructions = parseDockerfile(readFileSync(dockerfile, 'utf8'));
const globalArgs = {};
const stages = [];
let stage = null;
let context = null;

/** A path of the stage's file system, on this machine. */
const inRoot = (s, path) => join(s.root, path);
/** ARG/ENV values as a RUN line sees them: absolute paths moved into the stage directory. */
const rebased = (s, value) => (value?.startsWith('/') ? inRoot(s, value) : value);

for (const ins of instructions) {
  const where = `server.Dockerfile:${ins.line} ${ins.keyword}`;
  if (ins.keyword === 'ARG' && !stage) {
    for (const [k, v] of keyValues(ins.args)) globalArgs[k] = v ?? '';
    continue;
  }
  if (ins.keyword === 'FROM') {
    const [image, as, name] = substitute(ins.args, globalArgs).split(/\s+/);
    if (as && as.toUpperCase() !== 'AS') throw new Error(`${where}: cannot read ${ins.args}`);
    if (stages.some((s) => s.name === image)) {
      throw new Error(`${where}: FROM another stage is not supported by the dry run`);
    }
    const stageName = name ?? `stage${stages.length}`;
    stage = {
      name: stageName,
      image,
      root: join(out, stageName),
      workdir: '/',
      args: {},
      env: {},
      user: 'root',
      expose: [],
      cmd: null,
      entrypoint: null,
      healthcheck: null,
    };
    mkdirSync(inRoot(stage, '/usr/local/bin'), { recursive: true });
    stages.push(stage);
    log(`stage ${stageName} (FROM ${image})`);
    continue;
  }
  if (!stage) throw new Error(`${where}: before the first FROM`);
  const vars = { ...stage.args, ...stage.env };
  switch (ins.keyword) {
    case 'ARG':
      for (const [k, v] of keyValues(ins.args)) {
        stage.args[k] = v === undefined ? (globalArgs[k] ?? '') : substitute(v, vars);
      }
      break;
    case 'ENV':
      for (const [k, v] of keyValues(ins.args)) stage.env[k] = substitute(v ?? '', vars);
      break;
    case 'WORKDIR':
      stage.workdir = posix.resolve(stage.workdir, substitute(ins.args, vars));
      mkdirSync(inRoot(stage, stage.workdir), { recursive: true });
      break;
    case 'USER':
      stage.user = substitute(ins.args, vars);
      break;
    case 'EXPOSE':
      stage.expose.push(...substitute(ins.args, vars).split(/\s+/));
      break;
    case 'CMD':
    case 'ENTRYPOINT':
      stage[ins.keyword.toLowerCase()] = ins.json ?? ['/bin/sh', '-c', ins.args];
      break;
    case 'HEALTHCHECK':
      stage.healthcheck = { ...ins.flags, test: ins.json ?? ins.args };
      break;
    case 'LABEL':
    case 'STOPSIGNAL':
    case 'SHELL':
      if (ins.keyword === 'SHELL') throw new Error(`${where}: SHELL is not supported`);
      break;
    case 'COPY': {
      const parts = (ins.json ?? ins.args.split(/\s+/)).map((p) => substitute(p, vars));
      const dest = parts.pop();
      const from = ins.flags.from;
      let sourceRoot;
      if (from) {
        const source = stages.find((s) => s.name === from);
        if (!source) throw new Error(`${where}: --from=${from} is no earlier stage`);
        sourceRoot = source.root;
      } else {
        context ??= buildContext();
        sourceRoot = context;
      }
      const target = inRoot(stage, posix.resolve(stage.workdir, dest));
      for (const src of parts) {
        if (/[*?[]/.test(src)) throw new Error(`${where}: wildcards are not supported`);
        const path = join(sourceRoot, posix.normalize(`/${src}`));
        if (!existsSync(path)) throw new Error(`${where}: ${src} does not exist in the source`);
        const intoDir = dest.endsWith('/') || parts.length > 1 || statSync(path).isDirectory();
        const to = statSync(path).isDirectory()
          ? target
          : intoDir
            ? join(target, basename(path))
            : target;
        cpSync(path, to, { recursive: true, verbatimSymlinks: true, force: true });
      }
      log(`COPY ${from ? `--from=${from} ` : ''}${parts.join(' ')} → ${dest}`);
      break;
    }
    case 'RUN': {
      if (ins.json) throw new Error(`${where}: exec-form RUN is not supported`);
      checkRunLine(ins.args, 'sh');
      const env = { ...hostEnv };
      for (const [k, v] of Object.entries({ ...stage.args, ...stage.env }))
        env[k] = rebased(stage, v);
      env.npm_config_prefix = inRoot(stage, '/usr/local');
      env.PATH = `${inRoot(stage, '/usr/local/bin')}:${hostEnv.PATH}`;
      const started = Date.now();
      log(`RUN ${ins.args.replace(/\s+/g, ' ').slice(0, 110)}`);
      const result = spawnSync('sh', ['-c', ins.args], {
        cwd: inRoot(stage, stage.workdir),
        env,
        stdio: ['ignore', process.stderr, process.stderr],
      });
      if (result.status !== 0) {
        throw new Error(`${where} failed (exit ${result.status ?? result.signal})`);
      }
      log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      break;
    }
    default:
      throw new Error(`${where}: not supported by the dry run`);
  }
}

const last = stages.at(-1);
if (!last) throw new Error('the Dockerfile has no FROM');
console.log(
  JSON.stringify(
    {
      stage: last.name,
      image: last.image,
      root: last.root,
      workdir: inRoot(last, last.workdir),
      env: last.env,
      user: last.user,
      expose: last.expose,
      cmd: last.cmd,
      entrypoint: last.entrypoint,
      healthcheck: last.healthcheck,
    },
    null,
    2,
  ),
);
