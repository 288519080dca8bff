import { App } from 'aws-cdk-lib';
import { readConfig } from './config.js';
import { addNagChecks } from './nag.js';
import { createPlatform } from './platform.js';

/** `cdk synth` / `cdk deploy` entry (cdk.json). Context values: docs/deploy.md. */
const app = new App();
createPlatform(app, readConfig((key) => app.node.tryGetContext(key)));
addNagChecks(app);
app.synth();
