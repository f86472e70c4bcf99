import { SettingsError } from '../../lib/errors';
import { resolveSsmEndpoint } from '../../lib/settings/ssm-endpoint';

describe('resolveSsmEndpoint', () => {
  it.each([
    ['ap-east-1', 'https://ssm.ap-east-1.amazonaws.com/'],
    ['us-east-1', 'https://ssm.us-east-1.amazonaws.com/'],
    ['eu-central-1', 'https://ssm.eu-central-1.amazonaws.com/'],
    ['us-gov-west-1', 'https://ssm.us-gov-west-1.amazonaws.com/'],
    ['cn-north-1', 'https://ssm.cn-north-1.amazonaws.com.cn/'],
    ['cn-northwest-1', 'https://ssm.cn-northwest-1.amazonaws.com.cn/'],
    ['us-iso-east-1', 'https://ssm.us-iso-east-1.c2s.ic.gov/'],
    ['us-isob-east-1', 'https://ssm.us-isob-east-1.sc2s.sgov.gov/'],
  ])('sends %s to its public endpoint %s', (region, url) => {
    expect(resolveSsmEndpoint(region).href).toBe(url);
  });

  it.each([
    ['cn-north-1', 'http://127.0.0.1:4566', 'http://127.0.0.1:4566/'],
    [
      'ap-east-1',
      'https://vpce-0abc.ssm.ap-east-1.vpce.amazonaws.com',
      'https://vpce-0abc.ssm.ap-east-1.vpce.amazonaws.com/',
    ],
  ])('in %s, uses the configured endpoint %s instead', (region, endpoint, url) => {
    expect(resolveSsmEndpoint(region, endpoint).href).toBe(url);
  });

  it('treats an empty endpoint as none configured', () => {
    expect(resolveSsmEndpoint('ap-east-1', '').href).toBe('https://ssm.ap-east-1.amazonaws.com/');
  });

  it.each([
    ['', undefined, 'no AWS region for SSM (AWS_REGION is not set)'],
    ['', 'http://127.0.0.1:4566', 'no AWS region for SSM (AWS_REGION is not set)'],
    ['evil.example/', undefined, 'the AWS region for SSM is not a region name (check AWS_REGION)'],
    [
      'ap-east-1',
      'not a url',
      'the SSM endpoint is not an http(s) URL (check AWS_ENDPOINT_URL_SSM)',
    ],
    [
      'ap-east-1',
      'ftp://127.0.0.1',
      'the SSM endpoint is not an http(s) URL (check AWS_ENDPOINT_URL_SSM)',
    ],
  ])('refuses region %j with endpoint %j: %s', (region, endpoint, message) => {
    const attempt = () => resolveSsmEndpoint(region, endpoint);
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(message);
  });
});
