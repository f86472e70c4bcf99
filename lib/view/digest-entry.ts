import type { EventView } from './event-view';

/**
 * One queued event in a digest (issue 11): its view and what its route asked for. Defined
 * here, beside the view, so the neutral digest blocks need nothing from a platform;
 * chat-platform.ts names it in ChatPlatform.renderDigest.
 */
export interface DigestEntry {
  view: EventView;
  /** The route asked for @everyone. */
  atAll: boolean;
  /**
   * The event's line in the digest when a template gives it a title (issue 12). Shown as
   * text: escaped and cut like anything a user typed, so a template cannot add markup here.
   */
  title?: string;
}
