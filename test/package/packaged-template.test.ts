import { rmSync } from 'node:fs';
import { createDeliveryQueues } from '../../dev/queue/delivery-queues';
import { createSqsModel } from '../../dev/queue/sqs-model';
import { createEmfWriter, EMF_NAMESPACE, type MetricName } from '../../lib/metrics/emf';
import { packagedStack, packageVariant, type Packaged } from './stack';
import {
  asList,
  evaluateCondition,
  getAtt,
  ofType,
  props,
  readTemplate,
  ref,
  resource,
  roleStatements,
  type Statement,
  type Template,
} from './template';

/**
 * The CloudFormation template `serverless package` compiles, offline and with no credentials
 * (issue 11, "Resources"): what a deploy would create, checked before anyone deploys it.
 */
let stack: Packaged;
let template: Template;
/** Packaged with `--param alarmEmail=… --param deliveryMode=direct`. */
let variant: Template;
let variantDir: string;

const ALARM_EMAIL = 'ops-alarms@example.test';
const FOURTEEN_DAYS = 14 * 24 * 60 * 60;

beforeAll(async () => {
  stack = await packagedStack();
  template = readTemplate(stack.dir);
  const packaged = await packageVariant('variant', {
    alarmEmail: ALARM_EMAIL,
    deliveryMode: 'direct',
  });
  variantDir = packaged.dir;
  variant = readTemplate(variantDir);
}, 240_000);

afterAll(() => rmSync(variantDir, { recursive: true, force: true }));

const stageName = (suffix: string) => `gitee-dingtalk-${stack.stage}-${suffix}`;

describe('queues and table', () => {
  it('names the queues and table by stage under the contract logical ids', () => {
    expect(props(template, 'DeliveryQueue').QueueName).toBe(stageName('delivery.fifo'));
    expect(props(template, 'DeliveryDlq').QueueName).toBe(stageName('delivery-dlq.fifo'));
    expect(props(template, 'DeliveryTable').TableName).toBe(stageName('delivery'));
    expect(resource(template, 'DeliveryQueue').Type).toBe('AWS::SQS::Queue');
    expect(resource(template, 'DeliveryDlq').Type).toBe('AWS::SQS::Queue');
    expect(resource(template, 'DeliveryTable').Type).toBe('AWS::DynamoDB::Table');
  });

  it.each(['DeliveryQueue', 'DeliveryDlq'])(
    '%s is FIFO, deduplicated by id, encrypted and keeps messages 14 days',
    (id) => {
      expect(props(template, id)).toMatchObject({
        FifoQueue: true,
        ContentBasedDeduplication: false,
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: FOURTEEN_DAYS,
      });
    },
  );

  it('hides a received message for at least 6 × the deliver timeout', () => {
    const timeout = props(template, 'DeliverLambdaFunction').Timeout as number;
    expect(timeout).toBeGreaterThan(0);
    expect(props(template, 'DeliveryQueue').VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('redrives to the DLQ at 100 receives, and the DLQ names no source queue (no cycle)', () => {
    expect(props(template, 'DeliveryQueue').RedrivePolicy).toEqual({
      deadLetterTargetArn: getAtt('DeliveryDlq', 'Arn'),
      maxReceiveCount: 100,
    });
    const dlq = JSON.stringify(props(template, 'DeliveryDlq'));
    expect(dlq).not.toContain('DeliveryQueue');
  });

  it('keeps the DLQ when the stack is removed or the queue replaced', () => {
    const dlq = resource(template, 'DeliveryDlq');
    expect(dlq.DeletionPolicy).toBe('Retain');
    expect(dlq.UpdateReplacePolicy).toBe('Retain');
  });

  it('declares the queues the fake SQS of the tests and npm start is built with', () => {
    const model = createSqsModel();
    const urls = createDeliveryQueues(model, { stage: stack.stage });
    const attributes = (url: string) =>
      model.getQueueAttributes({ QueueUrl: url, AttributeNames: ['All'] }).Attributes;
    for (const [id, url] of [
      ['DeliveryQueue', urls.delivery],
      ['DeliveryDlq', urls.dlq],
    ] as const) {
      const declared = props(template, id);
      const modelled = attributes(url);
      expect(url.endsWith(`/${String(declared.QueueName)}`)).toBe(true);
      expect(modelled.FifoQueue).toBe(String(declared.FifoQueue));
      expect(modelled.ContentBasedDeduplication).toBe(String(declared.ContentBasedDeduplication));
      expect(modelled.MessageRetentionPeriod).toBe(String(declared.MessageRetentionPeriod));
    }
    const delivery = attributes(urls.delivery);
    expect(delivery.VisibilityTimeout).toBe(
      String(props(template, 'DeliveryQueue').VisibilityTimeout),
    );
    expect(JSON.parse(delivery.RedrivePolicy ?? '{}')).toMatchObject({ maxReceiveCount: 100 });
  });

  it('builds the table on demand with pk/sk, TTL on expiresAt and encryption at rest', () => {
    expect(props(template, 'DeliveryTable')).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(props(template, 'DeliveryTable').AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
    );
  });
});

describe('the deliver function and its trigger', () => {
  it('runs functions/deliver.handler, triggered by the delivery queue in batches of 10', () => {
    expect(props(template, 'DeliverLambdaFunction')).toMatchObject({
      Handler: 'functions/deliver.handler',
      FunctionName: stageName('deliver'),
    });
    const mappings = ofType(template, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [, mapping] = mappings[0]!;
    expect(mapping.Properties).toMatchObject({
      FunctionName: getAtt('DeliverLambdaFunction', 'Arn'),
      EventSourceArn: getAtt('DeliveryQueue', 'Arn'),
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Enabled: true,
    });
    // The mapping polls with the function's role: it must hold its SQS rights first.
    expect(asList(mapping.DependsOn)).toContain('DeliverRole');
  });
});

describe('environment per function', () => {
  const variables = (t: Template, fn: string) =>
    (props(t, fn).Environment as { Variables: Record<string, unknown> }).Variables;
  const common = () => ({
    SETTINGS_SSM_PATH: `/gitee-dingtalk/${stack.stage}`,
    SETTINGS_TTL_SECONDS: '300',
    SERVICE_VERSION: expect.any(String),
  });

  it('gives each function exactly its variables, resources by Ref', () => {
    expect(variables(template, 'WebhookLambdaFunction')).toEqual({
      ...common(),
      DELIVERY_MODE: 'queue',
      DELIVERY_QUEUE_URL: ref('DeliveryQueue'),
      DELIVERY_TABLE: ref('DeliveryTable'),
    });
    expect(variables(template, 'DeliverLambdaFunction')).toEqual({
      ...common(),
      DELIVERY_QUEUE_URL: ref('DeliveryQueue'),
      DELIVERY_DLQ_URL: ref('DeliveryDlq'),
      DELIVERY_TABLE: ref('DeliveryTable'),
    });
    expect(variables(template, 'HealthLambdaFunction')).toEqual({
      ...common(),
      DELIVERY_MODE: 'queue',
      DELIVERY_QUEUE_URL: ref('DeliveryQueue'),
    });
  });

  it('keeps a stack direct with --param deliveryMode=direct', () => {
    expect(variables(variant, 'WebhookLambdaFunction').DELIVERY_MODE).toBe('direct');
    expect(variables(variant, 'HealthLambdaFunction').DELIVERY_MODE).toBe('direct');
  });

  it('leaves no framework variable unresolved (only Fn::Sub strings hold ${…})', () => {
    const loose: string[] = [];
    walk(template, (value, path) => {
      if (value.includes('${') && !path.endsWith('Fn::Sub')) loose.push(`${path}: ${value}`);
    });
    expect(loose).toEqual([]);
  });
});

describe('alarms', () => {
  const alarms = () => ofType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties!);
  const alarmOn = (metric: string) => {
    const found = alarms().filter((a) => a.MetricName === metric);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('fires when the DLQ holds any message', () => {
    expect(alarmOn('ApproximateNumberOfMessagesVisible')).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: getAtt('DeliveryDlq', 'QueueName') }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('fires when the oldest message in the delivery queue is older than 15 minutes', () => {
    expect(alarmOn('ApproximateAgeOfOldestMessage')).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: getAtt('DeliveryQueue', 'QueueName') }],
      Threshold: 15 * 60,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it("fires on the metric line the webhook's EMF writer emits for an event SQS did not take", () => {
    const lines: string[] = [];
    const functionName = props(template, 'WebhookLambdaFunction').FunctionName as string;
    expect(functionName).toBe(stageName('webhook'));
    const metric: MetricName = 'EnqueueFailed';
    createEmfWriter({ functionName, now: () => 0, write: (line) => lines.push(line) })({
      [metric]: 1,
    });
    const emitted = JSON.parse(lines[0]!) as {
      _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][] }> };
      FunctionName: string;
    };
    const alarm = alarmOn(metric);
    const [directive] = emitted._aws.CloudWatchMetrics;
    expect(alarm.Namespace).toBe(EMF_NAMESPACE);
    expect(alarm.Namespace).toBe(directive!.Namespace);
    expect(directive!.Dimensions).toEqual([['FunctionName']]);
    // The alarm's one dimension is the webhook function, whose name the writer was given.
    expect(alarm.Dimensions).toEqual([
      { Name: 'FunctionName', Value: ref('WebhookLambdaFunction') },
    ]);
    expect(emitted.FunctionName).toBe(functionName);
    expect(alarm).toMatchObject({
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
  });

  it('publishes every alarm to the alarm topic, listed in the outputs', () => {
    expect(resource(template, 'AlarmTopic').Type).toBe('AWS::SNS::Topic');
    expect(alarms()).toHaveLength(3);
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([ref('AlarmTopic')]);
    expect(template.Outputs?.AlarmTopicArn?.Value).toEqual(ref('AlarmTopic'));
  });

  it('subscribes an email address only when --param alarmEmail is given', () => {
    const subscriptions = (t: Template) => ofType(t, 'AWS::SNS::Subscription');
    for (const t of [template, variant]) {
      expect(subscriptions(t)).toHaveLength(1);
      const [, subscription] = subscriptions(t)[0]!;
      expect(subscription.Properties).toMatchObject({
        Protocol: 'email',
        TopicArn: ref('AlarmTopic'),
      });
    }
    const withoutParam = subscriptions(template)[0]![1];
    const withParam = subscriptions(variant)[0]![1];
    expect(evaluateCondition(template, withoutParam.Condition!)).toBe(false);
    expect(evaluateCondition(variant, withParam.Condition!)).toBe(true);
    expect(subscriptions(variant)[0]![1].Properties!.Endpoint).toBe(ALARM_EMAIL);
  });
});

describe('IAM: one role per function, exactly the rights it uses', () => {
  const ROLES = { webhook: 'WebhookRole', health: 'HealthRole', deliver: 'DeliverRole' } as const;
  type Fn = keyof typeof ROLES;
  const functionId = (fn: Fn) => `${fn[0]!.toUpperCase()}${fn.slice(1)}LambdaFunction`;
  const table = getAtt('DeliveryTable', 'Arn');
  const queue = getAtt('DeliveryQueue', 'Arn');
  const dlq = getAtt('DeliveryDlq', 'Arn');

  /** Every Allow as "action on resource", the form in which two policies can be compared. */
  const grants = (statements: Statement[]) =>
    statements
      .flatMap((s) =>
        asList(s.Action).flatMap((action) =>
          asList(s.Resource).map((r) => `${action} on ${JSON.stringify(r)}`),
        ),
      )
      .sort();
  const on = (resourceValue: unknown, ...actions: string[]) =>
    actions.map((action) => `${action} on ${JSON.stringify(resourceValue)}`);

  function expectedGrants(fn: Fn): string[] {
    const logGroup = props(template, `${fn[0]!.toUpperCase()}${fn.slice(1)}LogGroup`)
      .LogGroupName as string;
    const settings = `parameter/gitee-dingtalk/${stack.stage}`;
    const arn = (service: string, rest: string) => ({
      'Fn::Sub': `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${rest}`,
    });
    const base = [
      ...on(arn('logs', `log-group:${logGroup}:*`), 'logs:CreateLogStream', 'logs:PutLogEvents'),
      ...[arn('ssm', settings), arn('ssm', `${settings}/*`)].flatMap((r) =>
        on(r, 'ssm:GetParametersByPath', 'ssm:GetParameter', 'ssm:GetParameters'),
      ),
      ...on('*', 'kms:Decrypt'),
    ];
    const own: Record<Fn, string[]> = {
      webhook: [
        ...on(queue, 'sqs:SendMessage'),
        ...on(table, 'dynamodb:GetItem', 'dynamodb:PutItem'),
      ],
      health: [],
      deliver: [
        ...on(
          queue,
          'sqs:ChangeMessageVisibility',
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:GetQueueAttributes',
          'sqs:SendMessage',
        ),
        ...on(dlq, 'sqs:SendMessage'),
        ...on(
          table,
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:Query',
          'dynamodb:DeleteItem',
        ),
      ],
    };
    return [...base, ...own[fn]].sort();
  }

  it('makes no shared role and no other policy: three roles, each used by one function', () => {
    expect(
      ofType(template, 'AWS::IAM::Role')
        .map(([id]) => id)
        .sort(),
    ).toEqual(Object.values(ROLES).sort());
    expect(ofType(template, 'AWS::IAM::Policy')).toEqual([]);
    expect(ofType(template, 'AWS::IAM::ManagedPolicy')).toEqual([]);
    expect(ofType(template, 'AWS::Lambda::Function')).toHaveLength(3);
    for (const fn of Object.keys(ROLES) as Fn[]) {
      expect(props(template, functionId(fn)).Role).toEqual(getAtt(ROLES[fn], 'Arn'));
    }
  });

  it.each(Object.keys(ROLES) as Fn[])(
    '%s: only Lambda assumes the role, no managed policy',
    (fn) => {
      const role = props(template, ROLES[fn]);
      expect(role.ManagedPolicyArns).toBeUndefined();
      expect(role.AssumeRolePolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lambda.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      });
    },
  );

  it.each(Object.keys(ROLES) as Fn[])('%s: exactly the statements the issue lists', (fn) => {
    expect(grants(roleStatements(resource(template, ROLES[fn])))).toEqual(expectedGrants(fn));
  });

  it('allows only, names no wildcard action, and uses Resource "*" only for KMS via SSM', () => {
    const statements = Object.values(ROLES).flatMap((id) => roleStatements(resource(template, id)));
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(Object.keys(statement).sort()).toEqual(
        expect.arrayContaining(['Action', 'Effect', 'Resource']),
      );
      expect(statement).not.toHaveProperty('NotAction');
      expect(statement).not.toHaveProperty('NotResource');
      expect(statement.Effect).toBe('Allow');
      for (const action of asList(statement.Action)) expect(action).not.toContain('*');
      if (!asList(statement.Resource).includes('*')) continue;
      expect(statement.Action).toBe('kms:Decrypt');
      expect(statement.Resource).toBe('*');
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'ssm.${AWS::Region}.${AWS::URLSuffix}' } },
      });
    }
  });

  it("grants each function's logs on the group the stack creates for it", () => {
    for (const fn of Object.keys(ROLES) as Fn[]) {
      const group = props(template, `${fn[0]!.toUpperCase()}${fn.slice(1)}LogGroup`);
      expect(group.LogGroupName).toBe(`/aws/lambda/${stageName(fn)}`);
    }
  });
});

/** Calls `visit` with every string in the template and its path of keys. */
function walk(node: unknown, visit: (value: string, path: string) => void, path = ''): void {
  if (typeof node === 'string') visit(node, path);
  else if (Array.isArray(node)) node.forEach((item, i) => walk(item, visit, `${path}[${i}]`));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) walk(value, visit, `${path}.${key}`);
  }
}
