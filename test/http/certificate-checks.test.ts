import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const THIS_FILE = path.relative(ROOT, __filename);

/** Every way Node offers to accept a certificate it cannot verify. */
const TURNS_CHECKS_OFF = /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity/;

/** Code and configuration the repository holds or is about to hold (tracked and new files). */
function codeFiles(): string[] {
  const list = (args: string[]) =>
    execFileSync('git', ['ls-files', '-z', ...args], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((name) => name !== '');
  return [...list([]), ...list(['--others', '--exclude-standard'])].filter(
    (name) => /\.(ts|js|mjs|cjs|json|ya?ml|sh)$/.test(name) && name !== THIS_FILE,
  );
}

describe('certificate checks', () => {
  it('are never turned off, by any code, test or setting in the repository', () => {
    const offenders = codeFiles().filter((name) => {
      try {
        return TURNS_CHECKS_OFF.test(readFileSync(path.join(ROOT, name), 'utf8'));
      } catch {
        return false; // listed but deleted in the working tree
      }
    });
    expect(offenders).toEqual([]);
  });
});
