import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, LogLevel } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Node.js 24 is the newest Lambda runtime this aws-cdk-lib knows (cdk-nag L1 asks for the newest)
 * and is supported into 2028; nodejs20.x reached end of support in 2026. The code is tested on
 * Node 20, so it is bundled for node20 syntax, which Node 24 runs unchanged.
 */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * ESM bundles have no `require`; CommonJS dependencies that call it (for Node built-ins) need one.
 * The alias keeps the banner from clashing with a bundled module's own `createRequire` import.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __bhCreateRequire } from 'node:module'; const require = __bhCreateRequire(import.meta.url);";

/** `Http` → `http`, `DeliveryWorker` → `delivery-worker`. */
export const serviceName = (constructId: string): string => constructId.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** What a test deploys instead of the bundle when bundling is off: it answers 503, never real traffic. */
const STUB_CODE = "exports.handler = async () => ({ statusCode: 503, body: 'bundling was disabled at synth' });";

export interface AppFunctionProps {
  /** Absolute path of the TypeScript entry exporting `handler`. */
  entry: string;
  description: string;
  /**
   * The function's name in logs, metrics and traces (POWERTOOLS_SERVICE_NAME: the `service` key
   * of log lines, the `service` dimension of metrics, the X-Ray annotation). Default: the
   * construct id in kebab case (`Http` → `http`).
   */
  service?: string;
  environment: Record<string, string>;
  /** Stage-driven: how long logs are kept and whether they outlive the stack. */
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
  /** `false` skips esbuild and deploys an inline stub (tests); default true. */
  bundling?: boolean;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * Every Lambda of the platform gets the same defaults from here: Node 24 on arm64, an ESM bundle
 * built by the local esbuild, active tracing (Powertools Tracer adds a subsegment per AWS SDK call
 * and outgoing HTTP request: functions/adapters/lambda/observability.ts), its service name for
 * Powertools, its own log group with a retention, and a role that starts with nothing but
 * writing to that log group (no AWS managed policy). Stacks grant the rest.
 */
export class AppFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** Its name in logs, metrics and traces (POWERTOOLS_SERVICE_NAME). */
  readonly service: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.service = props.service ?? serviceName(id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);

    const bundled = props.bundling ?? true;
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: this.service, ...props.environment },
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      projectRoot: REPO_ROOT,
      ...(bundled
        ? {
            handler: 'handler',
            bundling: {
              format: OutputFormat.ESM,
              target: 'node20',
              mainFields: ['module', 'main'],
              banner: ESM_REQUIRE_BANNER,
              minify: true,
              sourceMap: true,
              sourcesContent: false,
              tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
              logLevel: LogLevel.WARNING,
              // The AWS SDK is bundled, not taken from the runtime: the versions pinned in
              // package.json are the ones the tests ran against, and a runtime SDK can change
              // under a deployed function. Tree-shaken and minified it adds little to cold start.
              bundleAwsSDK: true,
              externalModules: [],
            },
          }
        : { handler: 'index.handler', code: lambda.Code.fromInline(STUB_CODE) }),
    });

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    );
  }
}
