/** Paths as the workspace compares and names them: folders, joined relative paths, a file's name in a message. */

/** The folder of a path, with its trailing separator ('' for a bare name). */
export function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** `a/b/../c.txt` → `a/c.txt`, keeping the separator style of the folder's path. */
export function joinPath(dir: string, rel: string): string {
  if (/^([\\/]|[a-z]:[\\/])/i.test(rel)) return rel;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const parts: string[] = [];
  for (const p of (dir + rel).split(/[\\/]/)) {
    if (p === '..' && parts.length && parts[parts.length - 1] !== '..' && parts[parts.length - 1] !== '') parts.pop();
    else if (p !== '.') parts.push(p);
  }
  return parts.join(sep);
}

/** A path as users read it in a message: the file name only. */
export function fileName(path: string): string {
  const decoded = /^[a-z][\w+.-]*:/i.test(path) ? safeDecode(path) : path;
  return decoded.slice(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
