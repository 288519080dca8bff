import { App } from 'aws-cdk-lib';
import { assertDeployable, readConfig } from './config.js';
import { addNagChecks } from './nag.js';
import { createPlatform } from './platform.js';

/** `cdk synth` / `cdk deploy` entry (cdk.json). Context values: docs/deploy.md. */
const app = new App();
const config = readConfig((key) => app.node.tryGetContext(key));
assertDeployable(config);
createPlatform(app, config);
addNagChecks(app);
app.synth();
