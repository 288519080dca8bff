import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** The plugin name cdk-nag's AwsSolutions pack reports under; CDK namespaces acknowledgements with it. */
export const NAG_PACK = 'AwsSolutions';

/**
 * Runs cdk-nag's AwsSolutions rules as a CDK validation plugin (cdk-nag v3): every synth,
 * `cdk deploy` included, fails on an unacknowledged error and prints warnings.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * Acknowledges one cdk-nag finding on `scope` and everything under it, with the reason in code.
 * `rule` is the finding as reported, e.g. `AwsSolutions-IAM5[Resource::*]`; each finding of a
 * rule that reports several must be acknowledged on its own (cdk-nag v3 has no prefix match).
 * The id is namespaced with the pack (`AwsSolutions::…`) so the synth report lists the
 * acknowledgement, with its reason, under the pack that raised it.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `${NAG_PACK}::${rule}`, reason });
}
