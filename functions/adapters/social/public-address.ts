import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server-side call to a supporter-named host must never reach: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and
 * unspecified ranges (RFC 6890), in IPv4 and IPv6, including IPv4-mapped IPv6.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 0) return false;
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return isPublicAddress(mapped);
    return !BLOCKED.check(address, 'ipv6');
  }
  return !BLOCKED.check(address, 'ipv4');
}

/**
 * Whether every address `host` resolves to is public (`public`), any is not (`private`), or the
 * name does not resolve (`unknown`). A name that resolves to our own network is refused before
 * any request leaves. (The lookup and the request resolve separately, so a name that changes its
 * answer in between is for the network layer's egress rules to stop.)
 */
export async function addressKind(host: string, resolve: typeof lookup = lookup): Promise<'public' | 'private' | 'unknown'> {
  let addresses: Array<{ address: string }>;
  try {
    addresses = await resolve(host, { all: true, verbatim: true });
  } catch {
    return 'unknown';
  }
  if (addresses.length === 0) return 'unknown';
  return addresses.every((entry) => isPublicAddress(entry.address)) ? 'public' : 'private';
}
