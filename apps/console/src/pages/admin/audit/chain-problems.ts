// Why an audit chain does not verify (libs/audit/src/audit-chain.ts words it), in Chinese.

/** The verifier's reason in Chinese (libs/audit words it). */
export function brokenText(problem: string): string {
  const gap = /^sequence gap: expected entry (\d+), found (\d+)/.exec(problem);
  if (gap) return `序号不连续：应为第 ${gap[1]} 条，实为第 ${gap[2]} 条（有记录被删除）`;
  if (problem.startsWith('previous-hash link')) return '与前一条记录的哈希链接不符：记录被删除或替换';
  if (problem.startsWith('content does not match')) return '内容与其哈希不符：记录被篡改';
  return problem;
}
