import employer from '../../standards/data/attachment-1-employer.json';
import { scoringScope, StandardDocument } from '../../standards/domain/standard';
import { missingSubItems, sheetProblems } from './score-sheet-rules';

const standard = employer as StandardDocument;

describe('score sheet rules', () => {
  it('refuses a score above the sub-item maximum, a negative score, unknown ids and repeats', () => {
    const scope = scoringScope(standard, 'new-filing');
    const problems = sheetProblems(standard, scope, {
      scores: [
        { subItemId: '4.1', score: 7 },
        { subItemId: '4.2', score: -1 },
        { subItemId: '9.9', score: 1 },
        { subItemId: '5.1', score: 5 },
        { subItemId: '5.1', score: 4 },
      ],
      vetoes: [{ vetoId: 'V9' }],
    });
    expect(problems).toEqual([
      'sub-item 4.1 (考评员数量（每个职业不少于 3 名）): score 7 is outside 0..6',
      'sub-item 4.2 (考评员资质): score -1 is outside 0..6',
      'sub-item 9.9 is not in standard jl-attachment-1-employer version 1',
      'sub-item 5.1 is scored twice',
      'veto V9 is not a veto item (否决项) of standard jl-attachment-1-employer version 1',
    ]);
  });

  it('an add-occupation sheet may not score the organisation-level items', () => {
    const scope = scoringScope(standard, 'add-occupation');
    expect(sheetProblems(standard, scope, { scores: [{ subItemId: '1.1', score: 2 }], vetoes: [] })).toEqual([
      'sub-item 1.1 is not scored in an add-occupation case (only the occupation-related items are evaluated)',
    ]);
    expect(missingSubItems(scope, { scores: [{ subItemId: '2.1', score: 4 }], vetoes: [] })).toEqual(expect.arrayContaining(['2.2', '7.2']));
    expect(missingSubItems(scope, { scores: [], vetoes: [] })).not.toContain('1.1');
  });
});
