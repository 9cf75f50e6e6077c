// The sandbox as `npm start` runs it (sandbox/main.ts), in a child process on a data folder of the test's own:
// what the durability and crash tests kill, restart and hammer.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openReadOnly } from './http.ts';

export interface SandboxProcess {
  child: ChildProcess;
  /** E.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** True until the process exits. */
  alive(): boolean;
  /** SIGKILL: no shutdown handler runs, nothing is flushed — a crash. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly stop. */
  stop(): Promise<void>;
}

/** Starts `script` (sandbox/main.ts, the `npm start` process, by default) with DATA_DIR=`dataDir`. */
export async function spawnSandbox(
  dataDir: string,
  env: Record<string, string> = {},
  script = 'sandbox/main.ts',
): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SANDBOX_SETTLE_DELAY_MS: '100', ...env },
  });
  let exitedWith: number | NodeJS.Signals | null | undefined;
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve((exitedWith = signal ?? code))),
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start in 30 s: ${stderr}`)), 30_000);
    void exited.then((code) => reject(new Error(`the sandbox exited early (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^eSIM renewal sandbox: http:\/\/localhost:(\d+)/.exec(line)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
  });
  const signal = async (name: NodeJS.Signals) => {
    if (exitedWith === undefined) child.kill(name);
    await exited;
  };
  return {
    child,
    url,
    exited,
    alive: () => exitedWith === undefined,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Two sandbox processes (test/chaos/sandbox-child.ts) serving one database file, and read-only looks into it. */
export interface SandboxPair {
  one: SandboxProcess;
  two: SandboxProcess;
  /** Runs `read` on a read-only connection to the shared file (the processes may be writing it). */
  inspect<T>(read: (db: ReturnType<typeof openReadOnly>) => T): T;
  /** The `n` column of the single row `sql` selects. */
  count(sql: string, ...args: unknown[]): number;
  /** Stops both processes and deletes their folder. */
  stop(): Promise<void>;
}

/** Starts two sandboxes on one new database file: the second waits for the first to create and seed it. */
export async function spawnSandboxPair(prefix: string): Promise<SandboxPair> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dbPath = join(dir, 'sandbox.db');
  const one = await spawnSandbox(dir, { DB_PATH: dbPath }, 'test/chaos/sandbox-child.ts');
  const two = await spawnSandbox(dir, { DB_PATH: dbPath }, 'test/chaos/sandbox-child.ts');
  const inspect = <T>(read: (db: ReturnType<typeof openReadOnly>) => T): T => {
    const db = openReadOnly(dbPath);
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  return {
    one,
    two,
    inspect,
    count: (sql, ...args) => inspect((db) => (db.prepare(sql).get(...args) as { n: number }).n),
    async stop() {
      await Promise.all([one.stop(), two.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
