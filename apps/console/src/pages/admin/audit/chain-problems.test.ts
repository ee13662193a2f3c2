import { describe, expect, it } from 'vitest';
import { brokenText } from './chain-problems';

describe('why an audit chain breaks, in Chinese', () => {
  it('names a deleted, replaced or edited entry', () => {
    expect(brokenText('sequence gap: expected entry 4, found 5 (an entry was deleted)')).toBe('序号不连续：应为第 4 条，实为第 5 条（有记录被删除）');
    expect(brokenText('previous-hash link does not match the entry before it')).toBe('与前一条记录的哈希链接不符：记录被删除或替换');
    expect(brokenText('content does not match its hash (the entry was edited)')).toBe('内容与其哈希不符：记录被篡改');
    expect(brokenText('something else')).toBe('something else');
  });
});
