import { Client } from 'pg';
import { ServiceProcess, startServiceProcess, waitFor } from '@filing/testing';
import { creditCode } from './fixtures';

/**
 * The public register is answered from each replica's copy in memory (docs/adr/0030). A write that did not go
 * through a replica (another replica, an operator's SQL) shows on every replica a moment later: inserted, changed and
 * removed entries. Read-your-writes on the replica that wrote is in documents.e2e-spec (status changes). Real
 * database, two replicas.
 */
describe('publication register read model', () => {
  let replicas: ServiceProcess[] = [];
  let db: Client;
  const code = creditCode();
  const search = async (r: ServiceProcess, query: string) => {
    const res = await fetch(`${r.url}/public/register?${query}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  // Every replica answers `query` with `pred` true, the same bytes on each.
  const onEveryReplica = (what: string, query: string, pred: (body: any) => boolean) =>
    waitFor(what, async () => {
      const answers = await Promise.all(replicas.map((r) => search(r, query)));
      return answers.every((a) => a.status === 200 && pred(JSON.parse(a.text))) && new Set(answers.map((a) => a.text)).size === 1 ? answers : undefined;
    });

  beforeAll(async () => {
    replicas = await Promise.all([1, 2].map((i) => startServiceProcess({ service: 'publication', name: `publication-register-${i}` })));
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all(replicas.map((r) => r.stop()));
  });

  it('shows an entry written elsewhere on every replica, then its change, then its removal', async () => {
    // Both copies loaded before the write.
    for (const r of replicas) expect(JSON.parse((await search(r, `creditCode=${code}`)).text)).toEqual({ total: 0, page: 1, pageSize: 20, items: [] });

    await db.query(
      `INSERT INTO publication.register_entry (credit_code, name, kind, jurisdiction, jurisdiction_name, scope, contact, occupations, filings, notice_number,
              notice_date, status, first_filed_at, updated_at, filing_number, address, source)
       VALUES ($1, '白山读写模型焊接学校', 'employer', '220600', '白山市', 'own-employees', $2, $3, $4, '吉人社备〔2019〕7号', '2019-04-02', 'valid', now(), now(),
               NULL, NULL, 'historical')`,
      [
        code,
        JSON.stringify({ person: '联系人', phone: '0439-1234567', address: '白山市浑江大街 1 号' }),
        JSON.stringify([{ code: '6-18-02-04', name: '焊工', workType: '气焊工', levels: [4, 3] }]),
        JSON.stringify([{ noticeNumber: '吉人社备〔2019〕7号', noticeDate: '2019-04-02', applicationKind: 'historical', occupations: ['6-18-02-04'] }]),
      ],
    );
    const [inserted] = await onEveryReplica(
      'the entry on both replicas',
      `name=${encodeURIComponent('读写模型')}&occupation=${encodeURIComponent('气焊')}&level=3`,
      (b) => b.total === 1,
    );
    expect(inserted.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(inserted.text).items).toEqual([
      {
        name: '白山读写模型焊接学校',
        creditCode: code,
        kind: 'employer',
        jurisdiction: '220600',
        jurisdictionName: '白山市',
        scope: 'own-employees',
        address: '白山市浑江大街 1 号',
        occupations: [{ code: '6-18-02-04', name: '焊工', workType: '气焊工', levels: [4, 3] }],
        filingNumber: null,
        noticeNumber: '吉人社备〔2019〕7号',
        noticeDate: '2019-04-02',
        filings: [{ noticeNumber: '吉人社备〔2019〕7号', noticeDate: '2019-04-02', applicationKind: 'historical', occupations: ['6-18-02-04'] }],
        status: 'valid',
        statusReason: null,
        suspendedFrom: null,
        suspendedUntil: null,
        source: 'historical',
      },
    ]);
    expect(inserted.text).not.toContain('0439-1234567');

    await db.query(`UPDATE publication.register_entry SET status = 'withdrawn', status_reason = '撤销' WHERE credit_code = $1`, [code]);
    await onEveryReplica('the entry withdrawn on both replicas', `creditCode=${code}`, (b) => b.total === 0);
    const [withdrawn] = await onEveryReplica('the withdrawn entry', `creditCode=${code}&status=withdrawn`, (b) => b.total === 1);
    expect(JSON.parse(withdrawn.text).items[0]).toMatchObject({ status: 'withdrawn', statusReason: '撤销' });

    await db.query(`DELETE FROM publication.register_entry WHERE credit_code = $1`, [code]);
    await onEveryReplica('the entry gone from both replicas', `creditCode=${code}&status=all`, (b) => b.total === 0);
  });
});
