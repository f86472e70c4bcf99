import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ForbiddenAddressError, isForbiddenAddress } from './forbidden-address';

/**
 * A `lookup` for node:net that resolves with `resolve` (node:dns by default) and refuses names
 * that resolve to a link-local or metadata address. The check is on the answer the socket then
 * connects to, not on an earlier lookup, so a record that changes between checks (DNS
 * rebinding) gains nothing. One forbidden address refuses the name: with `all` (how Node 20
 * connects, trying each family) any of them might be the one used.
 */
export function createGuardedLookup(resolve: LookupFunction = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
      if (addresses.some(isForbiddenAddress)) {
        callback(new ForbiddenAddressError(), Array.isArray(address) ? [] : '');
        return;
      }
      callback(null, address, family);
    });
  };
}
