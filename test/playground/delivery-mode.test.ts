import { deliveryModeFrom } from '../../dev/server';

describe('the delivery mode npm start runs', () => {
  it.each([
    [[], {}, 'queue'],
    [[], { DELIVERY_MODE: 'queue' }, 'queue'],
    [[], { DELIVERY_MODE: ' direct ' }, 'direct'],
    [[], { DELIVERY_MODE: '' }, 'queue'],
    [['--direct'], {}, 'direct'],
    [['--direct'], { DELIVERY_MODE: 'queue' }, 'direct'],
    [['--queue'], { DELIVERY_MODE: 'direct' }, 'queue'],
  ])('with arguments %j and environment %j is %s', (args, env, mode) => {
    expect(deliveryModeFrom(args, env)).toBe(mode);
  });

  it('refuses a DELIVERY_MODE it does not know, naming the variable', () => {
    expect(() => deliveryModeFrom([], { DELIVERY_MODE: 'sqs' })).toThrow(
      'DELIVERY_MODE must be queue or direct, got "sqs"',
    );
  });

  it('refuses an option it does not know, naming the ones it takes', () => {
    expect(() => deliveryModeFrom(['--drect'], {})).toThrow(
      'unknown option --drect: npm start takes --direct or --queue',
    );
  });
});
