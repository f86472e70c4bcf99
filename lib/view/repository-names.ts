import type { ParsedDelivery } from '../gitee/event';
import { fieldOf, textOf } from './payload-values';

/** How a message names the repository: in its headline, and as the text of its link. */
export interface RepositoryNames {
  /** "drone-yml-test", or the display name people know, such as "开源中国". */
  short: string;
  /** "kit101/drone-yml-test": the link's text. */
  full: string;
}

/**
 * Gitee's `repository.name` is the display name (Chinese, say), `path_with_namespace` the URL
 * path. Where the name is more than the path's last segment written in another case, the
 * headline says the name and the link shows `namespace/path`, which the name no longer
 * implies (issue 10, item 2). The path is read from path_with_namespace (RepositoryRef.path),
 * what the link opens, rather than `path`, which a payload may leave out of step with it.
 * The Test ping's repository fields are canned sample data (protocol notes §3.7), so a ping
 * is named by its hook's own repository only.
 */
export function repositoryNames(delivery: ParsedDelivery): RepositoryNames {
  const { repository } = delivery;
  const display =
    delivery.kind === 'ping' ? null : textOf(fieldOf(delivery.payload.repository, 'name'));
  const urlName = lastSegment(repository.path) ?? repository.path;
  if (display !== null && display.trim().toLowerCase() !== urlName.toLowerCase()) {
    return { short: display.trim(), full: repository.path };
  }
  return { short: lastSegment(repository.name) ?? repository.path, full: repository.name };
}

function lastSegment(path: string): string | null {
  return path.split('/').pop()?.trim() || null;
}
