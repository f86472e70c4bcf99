import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { createGuardedLookup } from '../../lib/http/guarded-lookup';

/** A resolver that answers every name with these addresses, in the shape the caller asked for. */
function resolverAnswering(...addresses: LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = addresses[0]!;
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

function lookup(resolve: LookupFunction, hostname: string, options: LookupOptions) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>(
    (settle) =>
      createGuardedLookup(resolve)(hostname, options, (error, address, family) =>
        settle({ error, address, family }),
      ),
  );
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

describe('createGuardedLookup', () => {
  it('passes an ordinary answer through unchanged, in both shapes', async () => {
    const resolve = resolverAnswering(v4('47.96.1.1'), v6('2408:4000::1'));
    expect(await lookup(resolve, 'oapi.dingtalk.com', {})).toEqual({
      error: null,
      address: '47.96.1.1',
      family: 4,
    });
    expect(await lookup(resolve, 'oapi.dingtalk.com', { all: true })).toEqual({
      error: null,
      address: [v4('47.96.1.1'), v6('2408:4000::1')],
      family: undefined,
    });
  });

  it('lets loopback through, for emulators', async () => {
    const { error } = await lookup(resolverAnswering(v4('127.0.0.1'), v6('::1')), 'localhost', {
      all: true,
    });
    expect(error).toBeNull();
  });

  it.each([
    ['the metadata address', [v4('169.254.169.254')]],
    ['IPv6 link-local', [v6('fe80::1')]],
    ['IPv4-mapped metadata', [v6('::ffff:169.254.169.254')]],
    ['0.0.0.0', [v4('0.0.0.0')]],
  ])('refuses a name that resolves to %s', async (_name, addresses) => {
    const { error } = await lookup(resolverAnswering(...addresses), 'robot.example.com', {});
    expect(error).toMatchObject({
      code: 'ERR_FORBIDDEN_ADDRESS',
      message: 'refused to connect: the host is, or resolves to, a link-local or metadata address',
    });
  });

  it('refuses a name when any of its addresses is forbidden, not only the first', async () => {
    const resolve = resolverAnswering(v4('47.96.1.1'), v4('169.254.169.254'));
    const { error, address } = await lookup(resolve, 'rebind.example.com', { all: true });
    expect(error).toMatchObject({ code: 'ERR_FORBIDDEN_ADDRESS' });
    expect(address).toEqual([]);
  });

  it('passes a resolver error through', async () => {
    const failing: LookupFunction = (hostname, _options, callback) =>
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        '',
      );
    const { error } = await lookup(failing, 'nowhere.invalid', {});
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
