import picomatch from 'picomatch';

const compiled = new Map<string, RegExp>();

/**
 * A glob on a repository path ("org/web-*") or a branch name ("release/*"): `*` stays within
 * one path segment, `**` crosses them. Throws on a malformed pattern (unbalanced brackets).
 */
export function compileGlob(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    if (pattern.trim() === '') throw new Error('empty pattern');
    regex = picomatch.makeRe(pattern, { strictBrackets: true, dot: true });
    compiled.set(pattern, regex);
  }
  return regex;
}

export function matchesGlob(pattern: string, value: string): boolean {
  return compileGlob(pattern).test(value);
}
