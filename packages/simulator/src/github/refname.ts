/**
 * git check-ref-format rules (https://git-scm.com/docs/git-check-ref-format), which GitHub applies to refs
 * created through the REST API. Returns the broken rule, or undefined for a valid full ref name.
 */
export function refNameProblem(ref: string): string | undefined {
  if (ref === '@') return 'is the single character "@"';
  if (ref.startsWith('/') || ref.endsWith('/')) return 'begins or ends with "/"';
  if (ref.includes('//')) return 'contains "//"';
  if (ref.endsWith('.')) return 'ends with "."';
  if (ref.includes('..')) return 'contains ".."';
  if (ref.includes('@{')) return 'contains "@{"';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: check-ref-format rejects control characters
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref)) return 'contains a space, a control character or one of ~ ^ : ? * [ \\';
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `has a component starting with "." (${component})`;
    if (component.endsWith('.lock')) return `has a component ending with ".lock" (${component})`;
  }
  return undefined;
}
