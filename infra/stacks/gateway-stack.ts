import { CfnOutput, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { stagePolicy, type StageStackProps } from './stage.js';

/** Steady-state and burst request limits for the whole API (per second, across all clients). */
export const API_THROTTLE = { rateLimit: 500, burstLimit: 1000 };

/**
 * The HTTP API's front door: the API, its one `$default` stage, throttling and access logs.
 *
 * Why a stack of its own: the Lambda needs the public URL (CloudFront's domain, for the links in
 * emails), CloudFront needs this API as an origin, and the API's routes need the Lambda. With the
 * API alone first, the order gateway → web → api has no cycle. Routes live in the api stack.
 */
export class GatewayStack extends Stack {
  readonly httpApi: apigwv2.HttpApi;
  readonly accessLogs: logs.LogGroup;
  /** The host name CloudFront forwards `/api/*` to. */
  readonly originDomainName: string;

  constructor(scope: Construct, id: string, props: StageStackProps) {
    super(scope, id, props);
    const { removalPolicy, accessLogRetention } = stagePolicy(props.stage);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: `Blue Heart ${props.stage}: the platform's HTTP API (reached through CloudFront)`,
      createDefaultStage: false,
    });

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: accessLogRetention,
      removalPolicy,
    });

    new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: API_THROTTLE,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            route: '$context.routeKey',
            status: '$context.status',
            bytes: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    this.originDomainName = `${this.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    new CfnOutput(this, 'ApiEndpoint', { value: this.httpApi.apiEndpoint });
  }
}
