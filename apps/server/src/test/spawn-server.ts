import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** A child process of the server (tsx, from source) and its log lines. */
export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node --import tsx <script>` in apps/server with `env` added to this process's
 * environment; for the server, resolves once it logs the port it listens on.
 */
export function spawnScript(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

export async function spawnServer(env: Record<string, string>): Promise<SpawnedServer> {
  const { child, exited, output } = spawnScript('src/index.ts', [], {
    PORT: '0',
    LOG_LEVEL: 'info',
    ...env,
  });
  const lines = () =>
    output()
      .stdout.split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const deadline = Date.now() + 100_000;
  for (;;) {
    const listening = lines().find((l) => typeof l.port === 'number');
    if (listening) {
      return {
        child,
        port: listening.port as number,
        exited,
        get lines() {
          return lines();
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start: ${output().stderr.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
