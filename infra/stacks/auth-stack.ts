import { CfnOutput, Duration, Fn, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';
import { stagePolicy, type StageStackProps } from './stage.js';

/** Staff roles; the API reads them from the access token's `cognito:groups` claim. */
export const STAFF_GROUPS = [
  { name: 'admin', description: 'Manages staff accounts and platform settings', precedence: 0 },
  { name: 'finance', description: 'Sees donations and trust-fund reports', precedence: 10 },
  { name: 'manager', description: 'Reviews pledges and exports them', precedence: 20 },
] as const;

/**
 * The hosted sign-in's address, from the domain prefix alone: the web stack needs it for the
 * console's Content-Security-Policy (the console exchanges its code there) before this stack exists.
 */
export function hostedSignInUrl(stack: Stack, stage: string, domainPrefix?: string): string {
  const prefix = domainPrefix ?? Fn.join('-', ['blueheart', stage, stack.account]);
  return `https://${prefix}.auth.${stack.region}.amazoncognito.com`;
}

/** Where the console receives the authorization code and returns after sign-out. */
export const CONSOLE_PATH = '/console/';

export interface AuthStackProps extends StageStackProps {
  /** Origin of the site (custom domain or CloudFront), for the console's redirect URLs. */
  publicUrl: string;
  /** Hosted sign-in domain prefix; defaults to `blueheart-<stage>-<account id>` (unique per account). */
  domainPrefix?: string;
}

/**
 * Staff sign-in. Accounts are created by an admin (no self sign-up); the console signs in through
 * the hosted UI with the authorization code flow and PKCE, as a public client without a secret.
 * The API verifies the pool's access tokens itself (functions/adapters/auth/jwt-verifier.ts).
 */
export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the `iss` of every token. */
  readonly issuer: string;
  readonly jwksUrl: string;
  /** The hosted sign-in (AUTH_SIGN_IN_URL): the console's authorize, token and logout endpoints. */
  readonly signInUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);
    const { prod, removalPolicy } = stagePolicy(props.stage);

    this.userPool = new cognito.UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Staff can export personal data: prod requires a TOTP second factor (Cognito allows
      // "required" only at pool creation). Dev keeps it optional so test accounts stay scriptable.
      mfa: prod ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Plus tier: threat protection blocks sign-ins with leaked credentials or risky patterns.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your Blue Heart console account',
        emailBody: 'An account was created for you on the Blue Heart console. Username: {username} Temporary password: {####}',
      },
      deletionProtection: prod,
      removalPolicy,
    });

    if (!prod) {
      acknowledge(
        this.userPool,
        'AwsSolutions-COG2',
        'MFA is optional outside prod so test staff accounts can be created and signed in by scripts; the prod pool requires TOTP.',
      );
    }

    for (const group of STAFF_GROUPS) {
      this.userPool.addGroup(`Group-${group.name}`, { groupName: group.name, description: group.description, precedence: group.precedence });
    }

    const consoleUrl = `${props.publicUrl}${CONSOLE_PATH}`;
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [consoleUrl],
        logoutUrls: [consoleUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    const domain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? Fn.join('-', ['blueheart', props.stage, this.account]) },
    });
    this.signInUrl = domain.baseUrl();

    // Spelled out rather than the pool's ProviderURL attribute, so the value is the documented `iss`.
    this.issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;

    new CfnOutput(this, 'Issuer', { value: this.issuer });
    new CfnOutput(this, 'ConsoleClientId', { value: this.consoleClient.userPoolClientId });
    new CfnOutput(this, 'HostedSignInUrl', { value: domain.baseUrl() });
  }
}
