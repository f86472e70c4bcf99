import { resolveDynamoEndpoint, resolveSqsEndpoint } from '../../lib/aws/endpoint';
import { SettingsError } from '../../lib/errors';

const QUEUE = 'https://sqs.ap-east-1.amazonaws.com/123456789012/gitee-dingtalk-prod-delivery.fifo';

describe('resolveSqsEndpoint', () => {
  it("sends to the queue URL's origin when no endpoint is configured", () => {
    expect(resolveSqsEndpoint('ap-east-1', undefined, QUEUE).href).toBe(
      'https://sqs.ap-east-1.amazonaws.com/',
    );
    expect(
      resolveSqsEndpoint('ap-east-1', '', 'http://127.0.0.1:9324/000000000000/q.fifo').href,
    ).toBe('http://127.0.0.1:9324/');
  });

  it('prefers the configured endpoint to the queue URL', () => {
    expect(resolveSqsEndpoint('cn-north-1', 'http://127.0.0.1:4566', QUEUE).href).toBe(
      'http://127.0.0.1:4566/',
    );
  });

  it.each([
    ['', undefined, QUEUE, 'no AWS region for SQS (AWS_REGION is not set)'],
    [
      'ap-east-1',
      'not a url',
      QUEUE,
      'the SQS endpoint is not an http(s) URL (check AWS_ENDPOINT_URL_SQS)',
    ],
    [
      'ap-east-1',
      undefined,
      '',
      'the SQS queue URL is not an http(s) URL (check DELIVERY_QUEUE_URL)',
    ],
    [
      'ap-east-1',
      undefined,
      'file:///etc/passwd',
      'the SQS queue URL is not an http(s) URL (check DELIVERY_QUEUE_URL)',
    ],
  ])('refuses region %j, endpoint %j, queue %j: %s', (region, endpoint, queue, message) => {
    const attempt = () => resolveSqsEndpoint(region, endpoint, queue);
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(message);
  });
});

describe('resolveDynamoEndpoint', () => {
  it.each([
    ['ap-east-1', 'https://dynamodb.ap-east-1.amazonaws.com/'],
    ['us-east-1', 'https://dynamodb.us-east-1.amazonaws.com/'],
    ['cn-north-1', 'https://dynamodb.cn-north-1.amazonaws.com.cn/'],
    ['us-iso-east-1', 'https://dynamodb.us-iso-east-1.c2s.ic.gov/'],
  ])('sends %s to %s', (region, url) => {
    expect(resolveDynamoEndpoint(region).href).toBe(url);
  });

  it('uses the configured endpoint instead', () => {
    expect(resolveDynamoEndpoint('ap-east-1', 'http://127.0.0.1:8000').href).toBe(
      'http://127.0.0.1:8000/',
    );
  });

  it.each([
    ['', undefined, 'no AWS region for DynamoDB (AWS_REGION is not set)'],
    [
      'ap-east-1/x',
      undefined,
      'the AWS region for DynamoDB is not a region name (check AWS_REGION)',
    ],
    [
      'ap-east-1',
      'ftp://x',
      'the DynamoDB endpoint is not an http(s) URL (check AWS_ENDPOINT_URL_DYNAMODB)',
    ],
  ])('refuses region %j with endpoint %j: %s', (region, endpoint, message) => {
    expect(() => resolveDynamoEndpoint(region, endpoint)).toThrow(message);
  });
});
