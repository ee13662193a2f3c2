import { afterOutcome, afterReturn, ApplicationProgress, resubmissionRefusal, uploadRefusal, uploadRound } from './application-status';

const submitted: ApplicationProgress = { status: 'SUBMITTED', round: 0, returnCount: 0 };

describe('application status', () => {
  it('a return opens the next resubmission round; a repeated or late return changes nothing', () => {
    const returned = afterReturn(submitted, 1);
    expect(returned).toEqual({ status: 'RETURNED', round: 0, returnCount: 1 });
    expect(resubmissionRefusal(returned)).toBeUndefined();
    expect(uploadRefusal(returned)).toBeUndefined();
    expect(uploadRound(returned)).toBe(1);
    const resubmitted: ApplicationProgress = { ...returned, status: 'RESUBMITTED', round: 1 };
    expect(afterReturn(resubmitted, 1)).toEqual(resubmitted);
    expect(afterReturn(resubmitted, 2)).toEqual({ status: 'RETURNED', round: 1, returnCount: 2 });
  });

  it('refuses resubmission and uploads unless returned', () => {
    expect(resubmissionRefusal(submitted)).toContain('SUBMITTED');
    expect(uploadRefusal(submitted)).toContain('SUBMITTED');
    expect(uploadRefusal({ ...submitted, status: 'DRAFT' })).toBeUndefined();
    expect(uploadRound({ ...submitted, status: 'DRAFT' })).toBe(0);
  });

  it('keeps a filed application filed whatever order the outcomes arrive in', () => {
    const filed = afterOutcome(submitted, 'filing-issued');
    expect(filed.status).toBe('FILED');
    expect(afterOutcome(filed, 'approved').status).toBe('FILED');
    expect(afterOutcome(afterOutcome(submitted, 'approved'), 'rejected').status).toBe('REJECTED');
    expect(afterReturn(afterOutcome(submitted, 'rejected'), 3).status).toBe('REJECTED');
  });
});
