import { signRobotUrl } from '../../../lib/platforms/dingtalk/sign';

const WEBHOOK = 'https://oapi.dingtalk.com/robot/send?access_token=tokentest0001';

// dingtalk-robot-api.md §2 "Test vectors": computed independently, row 1 published upstream.
const VECTORS = [
  {
    timestamp: 1582163555000,
    secret: 'SECb90923e19e58b466481e9e7b7a5b4f108a4531abde590ad3967fb29f0eae5c68',
    sign: 'BQKsG%2BQOCl%2BbYJOLc6pxDHxjVquzlZPWgvRzeN2J5zY%3D',
  },
  {
    timestamp: 1577836800000,
    secret: 'SECtestsecret',
    sign: 'e9%2FPYFWSjeYPT9dRYoqJiXpa5kBNNEIWCMFi7wMmAWc%3D',
  },
  {
    timestamp: 1700000000000,
    secret: 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd',
    sign: '8SZas7RY4E7wuOlgLfjLwHSKZpyUEdXdLvFYSDZiiFw%3D',
  },
];

describe('signRobotUrl', () => {
  it.each(VECTORS)(
    'appends timestamp $timestamp and the url-encoded known-answer sign',
    ({ timestamp, secret, sign }) => {
      expect(signRobotUrl(WEBHOOK, secret, timestamp)).toBe(
        `${WEBHOOK}&timestamp=${timestamp}&sign=${sign}`,
      );
    },
  );

  it('replaces a timestamp and sign already in the URL instead of appending more', () => {
    const stale = `${WEBHOOK}&timestamp=1&sign=old%2Bsign`;
    const url = new URL(signRobotUrl(stale, 'SECtestsecret', 1577836800000));
    expect(url.searchParams.getAll('timestamp')).toEqual(['1577836800000']);
    expect(url.searchParams.getAll('sign')).toEqual([
      'e9/PYFWSjeYPT9dRYoqJiXpa5kBNNEIWCMFi7wMmAWc=',
    ]);
    expect(url.searchParams.get('access_token')).toBe('tokentest0001');
  });

  it('returns the URL unchanged when the robot has no secret', () => {
    expect(signRobotUrl(WEBHOOK, null, 1577836800000)).toBe(WEBHOOK);
  });

  it('drops a leftover timestamp and sign when the robot has no secret', () => {
    expect(signRobotUrl(`${WEBHOOK}&timestamp=1&sign=x`, null, 2)).toBe(WEBHOOK);
  });

  it('signs with the timestamp of each call rather than reusing one', () => {
    const first = new URL(signRobotUrl(WEBHOOK, 'SECtestsecret', 1577836800000));
    const second = new URL(signRobotUrl(WEBHOOK, 'SECtestsecret', 1577836800001));
    expect(second.searchParams.get('sign')).not.toBe(first.searchParams.get('sign'));
  });
});
