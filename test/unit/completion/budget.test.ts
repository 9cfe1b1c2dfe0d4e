import assert from 'node:assert/strict';
import { RequestBudget } from '../../../extension/completion/budget.js';
import { FakeClock } from './fake-clock.js';

const limits = { firstTextMs: 1000, generateMs: 300, maxTokens: 5 };

describe('RequestBudget', () => {
  it('times out when no text comes in time', () => {
    const clock = new FakeClock();
    const ends: string[] = [];
    new RequestBudget(limits, clock, (why) => ends.push(why));
    clock.advance(999);
    assert.deepEqual(ends, []);
    clock.advance(1);
    assert.deepEqual(ends, ['first-text-timeout']);
  });

  it('gives generation its own time once text flows', () => {
    const clock = new FakeClock();
    const ends: string[] = [];
    const budget = new RequestBudget(limits, clock, (why) => ends.push(why));
    clock.advance(900);
    budget.add('a', 1);
    assert.equal(budget.firstTextMs, 900);
    clock.advance(299);
    assert.deepEqual(ends, []);
    clock.advance(1);
    assert.deepEqual(ends, ['time']);
    assert.equal(budget.exceeded, 'time');
  });

  it('with a deadline, stops writing there, but never before a short suggestion was written', () => {
    const generous = { firstTextMs: 5000, generateMs: 1000, maxTokens: 100 };
    const deadline = { ms: 1200, minGenerateMs: 300 };
    const endAt = (firstTextAt: number): number => {
      const clock = new FakeClock();
      let at = -1;
      const budget = new RequestBudget(
        generous,
        clock,
        () => {
          at = clock.now();
        },
        undefined,
        deadline,
      );
      clock.advance(firstTextAt);
      budget.add('a', 1);
      clock.advance(2000);
      return at;
    };
    assert.equal(endAt(100), 1100, 'early text: generateMs still bounds it');
    assert.equal(endAt(500), 1200, 'the deadline');
    assert.equal(endAt(1100), 1400, 'late text: at least minGenerateMs of writing');
  });

  it('counts tokens and says when they are spent', () => {
    const budget = new RequestBudget(limits, new FakeClock(), () => {});
    assert.equal(budget.add('a', 2), true);
    assert.equal(budget.add('b', 2), true);
    assert.equal(budget.add('c', 1), false);
    assert.equal(budget.exceeded, 'tokens');
  });

  it('estimates tokens when the backend does not count them', () => {
    const budget = new RequestBudget({ ...limits, maxTokens: 3 }, new FakeClock(), () => {});
    assert.equal(budget.add('日本'), true);
    assert.equal(budget.add('語'), false);
  });

  it('dispose stops its timers', () => {
    const clock = new FakeClock();
    const budget = new RequestBudget(limits, clock, () => assert.fail('expired after dispose'));
    budget.dispose();
    assert.equal(clock.pendingTimers, 0);
    clock.advance(5000);
  });
});
