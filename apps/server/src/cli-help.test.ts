import { describe, expect, it } from 'vitest';
import { spawnScript } from './test/spawn-server.js';

const cli = async (args: string[], env: Record<string, string> = {}) => {
  const { exited, output } = spawnScript('src/cli.ts', args, {
    PGLITE_DIR: 'memory://',
    DATABASE_URL: '',
    ...env,
  });
  const { code } = await exited;
  return { code, ...output() };
};

// Each case starts the command line under tsx: seconds each on a busy machine.
describe('the command line', { timeout: 120_000 }, () => {
  it('token create --help prints the usage, not a stack trace', async () => {
    const { code, stdout, stderr } = await cli(['token', 'create', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('token create --scope write');
    expect(stdout).toContain('--expires-in DAYS');
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at /);
  });

  it('an unknown option is named, with the usage, and no stack trace', async () => {
    const { code, stderr } = await cli(['token', 'create', '--scop', 'write']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--scop/);
    expect(stderr).toContain('usage: pnpm fundtrace');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a short ADMIN_TOKEN stops the command with a sentence, not a stack trace', async () => {
    const { code, stderr } = await cli(['token', 'list'], { ADMIN_TOKEN: 'short' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ADMIN_TOKEN must be at least 32 characters/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('token create makes a token that expires as asked', async () => {
    const made = await cli(['token', 'create', '--scope', 'write', '--expires-in', '7']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^ft_/);
    const expires = /expires (\S+)\./.exec(made.stderr)?.[1] ?? '';
    const days = (new Date(expires).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const bad = await cli(['token', 'create', '--scope', 'write', '--expires-in', '9999']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--expires-in/);
  });
});
