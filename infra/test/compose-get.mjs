#!/usr/bin/env node
// Prints one thing from infra/docker-compose.yml, interpolated with this process's
// environment as Compose would, NUL-separated for bash's `mapfile -d ''`:
//
//   node infra/test/compose-get.mjs command SERVICE       # the argv of the service's command
//   node infra/test/compose-get.mjs healthcheck SERVICE   # the argv of its healthcheck test
//   node infra/test/compose-get.mjs environment SERVICE   # its environment, KEY=VALUE each
//
// A CMD-SHELL healthcheck (and a command written as a string) becomes `sh -c STRING`, as the
// container runtime runs it.
import { environmentOf, interpolateAll, readCompose } from './lib.mjs';

const [what, name] = process.argv.slice(2);
const service = readCompose().services?.[name];
if (!service || !['command', 'healthcheck', 'environment'].includes(what)) {
  console.error('usage: node infra/test/compose-get.mjs command|healthcheck|environment SERVICE');
  process.exit(2);
}
const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
const value = interpolateAll(service, env);

let items;
if (what === 'environment') {
  items = Object.entries(environmentOf(value)).map(([k, v]) => `${k}=${v}`);
} else if (what === 'command') {
  if (value.command === undefined) throw new Error(`service ${name} has no command`);
  items = typeof value.command === 'string' ? ['sh', '-c', value.command] : value.command;
} else {
  const test = value.healthcheck?.test;
  if (!test) throw new Error(`service ${name} has no healthcheck test`);
  if (typeof test === 'string') items = ['sh', '-c', test];
  else if (test[0] === 'CMD') items = test.slice(1);
  else if (test[0] === 'CMD-SHELL') items = ['sh', '-c', test[1]];
  else throw new Error(`service ${name}: healthcheck ${test[0]} cannot be run`);
}
process.stdout.write(items.map((item) => `${item}\0`).join(''));
