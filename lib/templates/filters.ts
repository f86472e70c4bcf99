import type { Context } from 'liquidjs';
import { cutLine } from '../view/cut-text';
import { formatTime } from '../view/format-time';
import { escapeLines, outputText } from './output-text';
import { renderStateOf } from './render-state';

/** What Liquid binds `this` to when it calls a filter (and the output escape). */
interface FilterThis {
  context: Context;
}

/**
 * The robot's platform escape on every `{{ }}` (the output escape): hostile text can make no
 * markup, link or mention. Inside a capture the text is kept as it is, so the captured
 * variable is escaped exactly once, where it is printed (templates.md §5 "Gotchas").
 */
export function escapeOutput(this: FilterThis, value: unknown): string {
  const state = renderStateOf(this.context);
  const text = outputText(value);
  return state.captureDepth > 0 ? text : escapeLines(text, state.settings.style.escape);
}

/** Longest address the `url` filter lets through: no message could carry a longer one. */
const MAX_URL = 20_000;
/**
 * Characters that could end a link target or start markup beside one, percent-encoded (all
 * ASCII: whitespace is refused before).
 */
const LINK_UNSAFE = /[()[\]<>"'`*~!|@\\^{}]/g;

/**
 * The only way to place a link target: the input when it is an http(s) address on an allowed
 * Gitee host (links.giteeHosts), in the platform's link syntax; anything else gives "".
 * Registered raw, so its output is not escaped.
 */
export function urlFilter(this: FilterThis, value: unknown): string {
  const { settings } = renderStateOf(this.context);
  const url = allowedUrl(value, settings.giteeHosts);
  if (url === null) return '';
  return settings.style.linkTarget(url.replace(LINK_UNSAFE, percent));
}

function percent(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function allowedUrl(value: unknown, hosts: readonly string[]): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return hosts.some((host) => hostOf(host, url.protocol) === url.host) ? url.href : null;
}

/** A configured host as the URL parser writes it for this scheme (a default port drops out). */
function hostOf(host: string, protocol: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * The product's time formatter in the robot's time zone ("2021-10-08 17:53"), never
 * strftime: no format argument can make it write megabytes, and no machine locale or clock
 * is read. Anything that is not a time gives "".
 */
export function dateFilter(this: FilterThis, value: unknown): string {
  return formatTime(value, renderStateOf(this.context).settings.timezone) ?? '';
}

const MAX_CUT = 10_000;

/**
 * At most `max` characters (grapheme clusters, so no emoji or CJK character is split) of one
 * tidy line, ending in "…" when cut.
 */
export function cutFilter(value: unknown, max: unknown): string {
  const length = typeof max === 'number' ? max : Number(max);
  if (!Number.isFinite(length)) return outputText(value);
  return cutLine(outputText(value), Math.min(MAX_CUT, Math.max(1, Math.floor(length))));
}
