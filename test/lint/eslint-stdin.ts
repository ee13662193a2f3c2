import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const root = path.resolve(__dirname, '..', '..');

/** The workspace's lint config reads Nx's project graph (module boundaries); compute it once before linting. */
export function computeProjectGraph(): void {
  execFileSync(path.join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
}

/** The messages of one rule for `code` linted as if it were `file`: the ESLint CLI on stdin, nothing written to the tree. */
export function lintAs(file: string, code: string, ruleId: string): string[] {
  const res = spawnSync(path.join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', path.join(root, file)], {
    cwd: root,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}
