import { execFileSync } from 'node:child_process';

/** CLI tests drive the built `aklm`; build it once before any test runs. */
export function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
