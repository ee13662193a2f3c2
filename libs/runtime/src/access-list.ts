import { BlockList, isIPv6 } from 'node:net';

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * Who may reach an operator endpoint (/metrics, /docs), from configuration: unset or `all` = everyone, `none` =
 * nobody, otherwise a comma-separated list of addresses, subnets (CIDR) and Express's names `loopback`,
 * `linklocal`, `uniquelocal`. The address checked is the client's as Express sees it (`req.ip`, so TRUST_PROXY
 * applies: behind the console server a visitor is not the console's loopback address).
 */
export function accessList(name: string, raw: string | undefined): ((address: string | undefined) => boolean) | undefined {
  const value = raw?.trim();
  if (!value || value === 'all') return undefined;
  if (value === 'none') return () => false;
  const list = new BlockList();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    for (const item of NAMED[entry] ?? [entry]) {
      const [address, prefix] = item.split('/');
      const type = isIPv6(address) ? 'ipv6' : 'ipv4';
      try {
        if (prefix === undefined) list.addAddress(address, type);
        else list.addSubnet(address, Number(prefix), type);
      } catch {
        throw new Error(`configuration: ${name} entry "${entry}" is not an address, a subnet or one of ${Object.keys(NAMED).join(', ')}`);
      }
    }
  }
  return (address) => {
    if (!address) return false;
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    return v4 ? list.check(v4, 'ipv4') : list.check(address, isIPv6(address) ? 'ipv6' : 'ipv4');
  };
}
