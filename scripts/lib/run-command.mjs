// Runs a build step of a Node-driven page (type check, vite build) and, when it fails, shows what it printed.
import { execFileSync } from 'node:child_process';

export function runCommand(command, args, { cwd, env = {} }) {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  } catch (error) {
    console.error(error.stdout, error.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`, { cause: error });
  }
}
