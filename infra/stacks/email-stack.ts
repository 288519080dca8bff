import { CfnOutput, Stack, ArnFormat } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { StageStackProps } from './stage.js';

export interface EmailStackProps extends StageStackProps {
  /** The From address of every pledge email. */
  senderAddress: string;
  /** The site's own domain, when it has one: a sender on it is verified as a domain (DKIM). */
  domainName?: string;
}

/**
 * Sending identity and configuration set. Bounces and complaints land on SES's suppression list
 * (set on the configuration set, so other mail in the account is unaffected); reputation metrics
 * feed the account's bounce and complaint rates to CloudWatch.
 */
export class EmailStack extends Stack {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly senderAddress: string;
  /** ARN of the configuration set (the L2 exposes only the name), for least-privilege grants. */
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: EmailStackProps) {
    super(scope, id, props);
    this.senderAddress = props.senderAddress;

    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    const senderDomain = props.senderAddress.split('@')[1] ?? '';
    const onOwnDomain = props.domainName !== undefined && (senderDomain === props.domainName || senderDomain.endsWith(`.${props.domainName}`));
    this.identity = new ses.EmailIdentity(this, 'Sender', {
      // A domain identity signs with Easy DKIM (CNAMEs below); an address identity is verified by
      // clicking the link SES mails to it. Either way SES starts in the sandbox: see docs/deploy.md.
      identity: onOwnDomain ? ses.Identity.domain(senderDomain) : ses.Identity.email(props.senderAddress),
      configurationSet: this.configurationSet,
    });

    new CfnOutput(this, 'SenderIdentity', { value: this.identity.emailIdentityName });
    if (onOwnDomain) {
      const records = [
        [this.identity.dkimDnsTokenName1, this.identity.dkimDnsTokenValue1],
        [this.identity.dkimDnsTokenName2, this.identity.dkimDnsTokenValue2],
        [this.identity.dkimDnsTokenName3, this.identity.dkimDnsTokenValue3],
      ] as const;
      records.forEach(([name, value], i) => new CfnOutput(this, `DkimCname${i + 1}`, { value: `${name} CNAME ${value}` }));
    }
  }
}
