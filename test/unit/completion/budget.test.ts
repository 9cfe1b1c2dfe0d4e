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

  it("shows early: onShow fires after afterMs of writing, and writing goes on to the budget's end", () => {
    const generous = { firstTextMs: 5000, generateMs: 1000, maxTokens: 100 };
    const clock = new FakeClock();
    const events: string[] = [];
    const budget = new RequestBudget(generous, clock, (why) => events.push(`${why}@${clock.now()}`), undefined, {
      afterMs: 300,
      onShow: () => events.push(`show@${clock.now()}`),
    });
    clock.advance(400);
    assert.deepEqual(events, [], 'no text yet: nothing to show');
    budget.add('a', 1);
    clock.advance(299);
    assert.deepEqual(events, []);
    clock.advance(1);
    assert.deepEqual(events, ['show@700']);
    assert.equal(budget.exceeded, undefined, 'still writing');
    clock.advance(700);
    assert.deepEqual(events, ['show@700', 'time@1400']);
  });

  it('shows nothing early once the budget ended, or when afterMs is past generateMs', () => {
    const clock = new FakeClock();
    const shows: number[] = [];
    const small = { firstTextMs: 5000, generateMs: 1000, maxTokens: 2 };
    const budget = new RequestBudget(small, clock, () => {}, undefined, {
      afterMs: 300,
      onShow: () => shows.push(clock.now()),
    });
    budget.add('a', 2);
    clock.advance(1000);
    assert.equal(shows.length, 0, 'the tokens ran out first');
    const late = new RequestBudget(small, clock, () => {}, undefined, {
      afterMs: 1500,
      onShow: () => shows.push(clock.now()),
    });
    late.add('a', 1);
    clock.advance(2000);
    assert.equal(shows.length, 0, 'afterMs past generateMs');
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
