import { isForbiddenAddress, isForbiddenHost } from '../../lib/http/forbidden-address';

/** The hostname WHATWG URL parsing gives, as the transport and the settings see it. */
const hostOf = (url: string) => new URL(url).hostname;

describe('isForbiddenHost', () => {
  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['ECS task metadata', 'http://169.254.170.2/v2/credentials'],
    ['the edges of 169.254.0.0/16', 'http://169.254.0.0/'],
    ['the top of 169.254.0.0/16', 'http://169.254.255.255/'],
    ['decimal IPv4', 'http://2852039166/'],
    ['hex IPv4', 'http://0xa9fea9fe/'],
    ['octal IPv4', 'http://0251.0376.0251.0376/'],
    ['mixed short IPv4', 'http://169.254.43518/'],
    ['a trailing dot', 'http://169.254.169.254./'],
    ['IPv4-mapped IPv6, dotted', 'http://[::ffff:169.254.169.254]/'],
    ['IPv4-mapped IPv6, hex', 'http://[::ffff:a9fe:a9fe]/'],
    ['IPv4-mapped IPv6, written out', 'http://[0:0:0:0:0:ffff:a9fe:a9fe]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['the top of fe80::/10', 'http://[febf:ffff::1]/'],
    ['EC2 metadata over IPv6', 'http://[fd00:ec2::254]/'],
    ['Alibaba Cloud metadata', 'http://100.100.100.200/'],
    ['0.0.0.0 (reaches this machine)', 'http://0.0.0.0:8080/'],
    ['0 (0.0.0.0 written short)', 'http://0/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv4-mapped 0.0.0.0', 'http://[::ffff:0.0.0.0]/'],
    ['a host named metadata', 'http://metadata/computeMetadata/v1/'],
    ['GCP metadata', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['metadata.* in capitals with a trailing dot', 'http://METADATA.Google.Internal./'],
  ])('refuses %s', (_name, url) => {
    expect(isForbiddenHost(hostOf(url))).toBe(true);
  });

  it.each([
    ['DingTalk', 'https://oapi.dingtalk.com/robot/send?access_token=x'],
    ['IPv4 loopback (emulators)', 'http://127.0.0.1:3000/robot/send'],
    ['localhost', 'http://localhost:3000/robot/send'],
    ['IPv6 loopback', 'http://[::1]:3000/robot/send'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]:3000/'],
    ['just outside 169.254.0.0/16', 'http://169.255.0.1/'],
    ['just below 169.254.0.0/16', 'http://169.253.255.255/'],
    ['just outside fe80::/10', 'http://[fec0::1]/'],
    ['a private address', 'http://10.0.0.8/robot/send'],
    ['a name that only starts like metadata', 'https://metadata-proxy.example.com/'],
    ['a name that ends in metadata', 'https://robot.metadata/'],
  ])('allows %s', (_name, url) => {
    expect(isForbiddenHost(hostOf(url))).toBe(false);
  });
});

describe('isForbiddenAddress', () => {
  it.each([
    '169.254.169.254',
    '0.0.0.0',
    '0.1.2.3',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'FE80::ABCD',
    '::ffff:169.254.169.254',
    '::ffff:a9fe:a9fe',
    'fd00:ec2::254',
    '100.100.100.200',
  ])('refuses the resolved address %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1', '47.96.1.1', '2408:4000::1', 'fec0::1'])(
    'allows the resolved address %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it('says nothing about what is not an IP address', () => {
    expect(isForbiddenAddress('metadata')).toBe(false);
    expect(isForbiddenAddress('')).toBe(false);
  });
});
