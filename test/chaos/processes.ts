// The sandbox as `npm start` runs it (sandbox/main.ts), in a child process on a data folder of the test's own:
// what the durability and crash tests kill, restart and hammer.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

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
