import { isIPv4, isIPv6 } from 'node:net';

/** The code on every refusal, so callers can tell it from a network failure by code alone. */
export const FORBIDDEN_ADDRESS_CODE = 'ERR_FORBIDDEN_ADDRESS';

/** Raised instead of connecting; its message names no host or address. */
export class ForbiddenAddressError extends Error {
  readonly code = FORBIDDEN_ADDRESS_CODE;

  constructor() {
    super('refused to connect: the host is, or resolves to, a link-local or metadata address');
    this.name = 'ForbiddenAddressError';
  }
}

/**
 * Cloud metadata services outside the ranges refused below: Alibaba Cloud's (inside
 * 100.64.0.0/10, which is otherwise ordinary carrier-grade NAT space) and EC2's IPv6 endpoint,
 * written as ipv6Groups gives it.
 */
const METADATA_IPV4 = '100.100.100.200';
const METADATA_IPV6 = 'fd00:ec2:0:0:0:0:0:254';

function ipv4Octets(text: string): number[] {
  return text.split('.').map(Number);
}

function isForbiddenIPv4(text: string): boolean {
  const [first, second] = ipv4Octets(text);
  // 0.0.0.0/8 is "this network": on Linux a connection to 0.0.0.0 reaches the machine itself.
  return first === 0 || (first === 169 && second === 254) || text === METADATA_IPV4;
}

/** The eight 16-bit groups of a valid IPv6 address, a dotted IPv4 tail included. */
function ipv6Groups(text: string): number[] {
  let body = text;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Octets(last);
    tail.push((a << 8) | b, (c << 8) | d);
    // Keep both colons of a "::" right before the IPv4 part ("::1.2.3.4" → "::").
    body = text.slice(0, text[lastColon - 1] === ':' ? lastColon + 1 : lastColon);
  }
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const [left = '', right] = body.split('::');
  const head = parse(left);
  if (right === undefined) return [...head, ...tail];
  const rest = [...parse(right), ...tail];
  return [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

function isForbiddenIPv6(text: string): boolean {
  const groups = ipv6Groups(text.toLowerCase());
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (groups.every((group) => group === 0)) return true; // :: reaches the machine itself
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if (groups.map((group) => group.toString(16)).join(':') === METADATA_IPV6) return true;
  // ::ffff:a.b.c.d is the IPv4 address a.b.c.d on a dual-stack socket, whichever way it is written.
  const mapped = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff;
  return mapped && isForbiddenIPv4(`${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`);
}

/**
 * Whether a resolved address (as node:dns or node:net gives it, an IPv6 zone included) is one
 * a robot webhook must never reach. Not an IP address: false.
 */
export function isForbiddenAddress(address: string): boolean {
  const withoutZone = address.replace(/%.*$/, '');
  if (isIPv4(withoutZone)) return isForbiddenIPv4(withoutZone);
  if (isIPv6(withoutZone)) return isForbiddenIPv6(withoutZone);
  return false;
}

/**
 * Whether a WHATWG URL hostname is forbidden by itself, without DNS: a forbidden IP literal
 * (the URL parser has already turned decimal, hex and octal IPv4 into dotted quads) or a name
 * under `metadata`, as GCP's metadata.google.internal is.
 */
export function isForbiddenHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  return host === 'metadata' || host.startsWith('metadata.') || isForbiddenAddress(host);
}
