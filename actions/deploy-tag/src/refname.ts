/**
 * The rules of `git check-ref-format` (https://git-scm.com/docs/git-check-ref-format) for a full ref name.
 * Returns what is wrong, or undefined when git accepts the name.
 */
export function refNameProblem(ref: string): string | undefined {
  if (ref.endsWith('/') || ref.includes('//')) return 'has an empty path component ("//" or a trailing "/")';
  if (ref.endsWith('.')) return 'ends with "."';
  if (ref.includes('..')) return 'contains ".."';
  if (ref.includes('@{')) return 'contains "@{"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: git rejects control characters in ref names
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(ref);
  if (bad)
    return `contains ${bad[0] === ' ' ? 'a space' : bad[0] < ' ' || bad[0] === '\x7f' ? 'a control character' : `"${bad[0]}"`}`;
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `has a part starting with "." (${component})`;
    if (component.endsWith('.lock')) return `has a part ending with ".lock" (${component})`;
  }
  return undefined;
}
