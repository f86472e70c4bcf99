import type { RepositoryRef } from './event';
import type { GiteeProject } from './payloads';

/**
 * Where a delivery comes from: the payload's `repository`, else the hook's own edit page
 * (`https://gitee.com/{ns}/{repo}/hooks/{id}/edit`), which every delivery carries and which the
 * Test ping uses because its `repository` is canned sample data (protocol notes §3.7).
 */
export function resolveRepository(
  repository: unknown,
  hookUrl: unknown,
): RepositoryRef | undefined {
  return fromProject(repository) ?? fromHookUrl(hookUrl);
}

export function fromHookUrl(hookUrl: unknown): RepositoryRef | undefined {
  if (typeof hookUrl !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(hookUrl);
  } catch {
    return undefined;
  }
  const match = /^\/([^/]+)\/([^/]+)\/hooks\//.exec(url.pathname);
  if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const namespace = decodeSegment(match[1]!);
  const name = decodeSegment(match[2]!);
  if (namespace === undefined || name === undefined) return undefined;
  const path = `${namespace}/${name}`;
  return { path, name: path, url: `${url.origin}/${match[1]}/${match[2]}` };
}

/** A malformed escape (`%zz`, half a UTF-8 sequence) makes the whole `hook_url` unusable. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function fromProject(value: unknown): RepositoryRef | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const project = value as GiteeProject;
  const path =
    text(project.path_with_namespace) ??
    (text(project.namespace) && text(project.path)
      ? `${project.namespace}/${project.path}`
      : undefined) ??
    text(project.full_name);
  if (!path) return undefined;
  const url = text(project.html_url) ?? `https://gitee.com/${path}`;
  return { path, name: text(project.full_name) ?? path, url };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
