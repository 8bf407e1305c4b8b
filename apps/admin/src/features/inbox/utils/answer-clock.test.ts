import { answerClock } from './answer-clock';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 15, 0);

function at(offsetHours: number) {
  return new Date(NOW + offsetHours * HOUR).toISOString();
}

describe('answerClock', () => {
  it('says by how much the promised time has passed', () => {
    expect(answerClock({ awaitingSince: at(-51), replyDueAt: at(-3) }, NOW)).toEqual({
      state: 'over',
      by: { unit: 'hour', count: 3 },
      waited: { unit: 'day', count: 2 },
    });
  });

  it('says how long is left, and when that is soon', () => {
    expect(answerClock({ awaitingSince: at(-1), replyDueAt: at(26) }, NOW)).toEqual({
      state: 'due',
      left: { unit: 'day', count: 1 },
      waited: { unit: 'hour', count: 1 },
      soon: false,
    });
    expect(answerClock({ awaitingSince: at(-20), replyDueAt: at(2) }, NOW)).toMatchObject({
      state: 'due',
      left: { unit: 'hour', count: 2 },
      soon: true,
    });
  });

  it('has nothing to count once the patient was answered', () => {
    expect(answerClock({ awaitingSince: null, replyDueAt: null }, NOW)).toEqual({
      state: 'answered',
    });
  });
});
