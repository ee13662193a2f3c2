import { accessList } from './access-list';

describe('accessList (METRICS_ALLOW, DOCS_ALLOW)', () => {
  it('lets everyone through when unset or `all`, nobody with `none`', () => {
    expect(accessList('X', undefined)).toBeUndefined();
    expect(accessList('X', 'all')).toBeUndefined();
    expect(accessList('X', 'none')!('127.0.0.1')).toBe(false);
  });
  it('takes addresses, subnets and the named ranges', () => {
    const allowed = accessList('X', 'loopback, 10.1.0.0/16, 203.0.113.5')!;
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '203.0.113.5'].map(allowed)).toEqual([true, true, true, true, true]);
    expect(['10.2.0.1', '203.0.113.6', '192.168.1.1', undefined].map(allowed)).toEqual([false, false, false, false]);
    expect(accessList('X', 'uniquelocal')!('192.168.1.1')).toBe(true);
  });
  it('names a bad entry', () => {
    expect(() => accessList('METRICS_ALLOW', 'loopback, intranet')).toThrow(/METRICS_ALLOW entry "intranet"/);
  });
});
