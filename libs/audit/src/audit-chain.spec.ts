import { AuditEntry, canonicalJson, chain, ChainedAuditEntry, entryHash, GENESIS_HASH, verifyChain } from './audit-chain';

function entries(n: number): ChainedAuditEntry[] {
  const out: ChainedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: AuditEntry = {
      seq,
      id: `00000000-0000-4000-8000-00000000000${seq}`,
      caseId: 'case-1',
      jurisdiction: '220100',
      action: seq === 1 ? 'open' : 'accept',
      fromStage: seq === 1 ? null : 'SUBMITTED',
      toStage: 'ACCEPTED',
      actor: { subject: 'staff-1', role: 'center-staff', jurisdiction: '220100' },
      at: `2026-11-2${seq}T01:00:00.000Z`,
      reason: null,
      details: { b: 1, a: [1, { y: 2, x: 1 }] },
    };
    const c = chain(prev, e);
    out.push(c);
    prev = c.hash;
  }
  return out;
}

describe('hash-chained audit log', () => {
  it('canonical JSON sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  });

  it('canonical JSON writes a Date as its ISO text, as JSON and jsonb do', () => {
    const at = new Date('2026-11-26T01:02:03.000Z');
    expect(canonicalJson({ closesAt: at })).toBe('{"closesAt":"2026-11-26T01:02:03.000Z"}');
    expect(canonicalJson({ closesAt: at })).toBe(canonicalJson(JSON.parse(JSON.stringify({ closesAt: at }))));
  });

  it('verifies an intact chain', () => {
    const v = verifyChain(entries(3));
    expect(v).toMatchObject({ ok: true, entries: 3 });
  });

  it('names the first edited entry', () => {
    const e = entries(4);
    e[2] = { ...e[2], reason: 'changed afterwards' };
    expect(verifyChain(e)).toMatchObject({ ok: false, firstBroken: { seq: 3, id: e[2].id, problem: expect.stringMatching(/edited/) } });
  });

  it('detects a deleted entry', () => {
    const e = entries(4);
    e.splice(1, 1);
    expect(verifyChain(e)).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
  });

  it('chains entries that concern no single case and were taken on an event', () => {
    const e: AuditEntry = {
      seq: 1,
      id: '00000000-0000-4000-8000-000000000001',
      caseId: null,
      jurisdiction: null,
      action: 'standard-loaded',
      fromStage: null,
      toStage: null,
      actor: { subject: 'evt-1', role: 'event', jurisdiction: null, event: { topic: 't.v1', id: 'evt-1', source: '/services/x' } },
      at: '2026-11-26T01:00:00.000Z',
      reason: null,
      details: { version: 2 },
    };
    const c = chain(GENESIS_HASH, e);
    expect(verifyChain([c])).toMatchObject({ ok: true, entries: 1, lastHash: c.hash });
    expect(verifyChain([{ ...c, actor: { ...c.actor, subject: 'someone-else' } }])).toMatchObject({ ok: false, firstBroken: { seq: 1, caseId: null } });
  });

  it('hashes the same entry to the same value whatever the key order', () => {
    const [e] = entries(1);
    const { prevHash: _p, hash, ...content } = e;
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as unknown as AuditEntry;
    expect(entryHash(GENESIS_HASH, reordered)).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a re-hashed edit by the broken link to the next entry', () => {
    const e = entries(3);
    const edited = chain(e[0].hash, { ...stripHashes(e[1]), reason: 'forged' });
    e[1] = edited;
    expect(verifyChain(e)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: expect.stringMatching(/previous-hash/) } });
  });
});

function stripHashes(e: ChainedAuditEntry): AuditEntry {
  const { prevHash: _p, hash: _h, ...rest } = e;
  return rest;
}
