import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { readConfig, type PlatformConfig } from '../../infra/config.js';
import { REPO_ROOT } from '../../infra/constructs/app-function.js';
import { createPlatform, type Platform } from '../../infra/platform.js';

/** The feature flags and defaults from cdk.json, so tests synthesize what `npm run synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

const created: string[] = [];

/** A fresh directory under the OS temp dir; removeTempDirs() deletes them (cloud assemblies are ~20 MB). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bhp-${prefix}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A stand-in for web/dist: one page and one content-hashed asset. */
export function fakeSite(): string {
  const dir = tempDir('site');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Blue Heart</title><script src="/assets/app.abc123.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.abc123.js'), 'console.log("hi");');
  return dir;
}

export interface TestPlatform {
  app: App;
  platform: Platform;
  config: PlatformConfig;
  outdir: string;
}

/**
 * The whole platform in a fresh App with cdk.json's context and the stub Lambda (no esbuild),
 * synthesized into a temporary directory. `context` overrides cdk.json values, like `-c`.
 */
export function buildPlatform(context: Record<string, unknown> = {}, options: { site?: string | null } = {}): TestPlatform {
  const outdir = tempDir('cdk-out');
  const app = new App({ outdir, context: { ...cdkJsonContext(), bundling: false, ...context } });
  const config = readConfig((key) => app.node.tryGetContext(key));
  const site = options.site === undefined ? fakeSite() : options.site;
  const platform = createPlatform(app, config, { webAssetPath: site ?? path.join(outdir, 'no-site') });
  return { app, platform, config, outdir };
}

export interface Finding {
  plugin: string;
  rule: string;
  severity: string;
  description: string;
  paths: string[];
}

export interface Acknowledged extends Finding {
  acknowledgedAt: string;
  reason: string;
}

export interface ValidationOutcome {
  /** Unacknowledged findings of every plugin (cdk-nag, construct annotations, CloudFormation validation). */
  findings: Finding[];
  acknowledged: Acknowledged[];
  /** What synth threw: CDK fails an in-memory synth when a plugin reports an error. */
  error?: Error;
}

interface ReportViolation {
  ruleName: string;
  severity: string;
  description: string;
  violatingConstructs?: { constructPath?: string }[];
  acknowledgedAt?: string;
  reason?: string;
}

/**
 * Synthesizes `app` and reads CDK's validation report (`validation-report.json` in the cloud
 * assembly), which is where cdk-nag v3 findings go: they are validation-plugin violations, not
 * annotations. Acknowledged findings are listed separately, with the reason given in code.
 */
export function synthAndReadReport(app: App): ValidationOutcome {
  let error: Error | undefined;
  try {
    app.synth();
  } catch (caught) {
    error = caught as Error;
  }
  const reportFile = path.join(app.outdir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(reportFile)) throw error ?? new Error(`synth wrote no ${VALIDATION_REPORT_FILE}`);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
    pluginReports: { pluginName: string; violations: ReportViolation[]; suppressedViolations?: ReportViolation[] }[];
  };
  const toFinding = (plugin: string, v: ReportViolation): Finding => ({
    plugin,
    rule: v.ruleName,
    severity: v.severity,
    description: v.description,
    paths: (v.violatingConstructs ?? []).map((c) => c.constructPath ?? '?'),
  });
  return {
    findings: report.pluginReports.flatMap((r) => r.violations.map((v) => toFinding(r.pluginName, v))),
    acknowledged: report.pluginReports.flatMap((r) =>
      (r.suppressedViolations ?? []).map((v) => ({ ...toFinding(r.pluginName, v), acknowledgedAt: v.acknowledgedAt ?? '', reason: v.reason ?? '' })),
    ),
    error,
  };
}
