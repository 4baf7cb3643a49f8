import { metricSum, parseTargets } from './app-probe';

describe('parseTargets', () => {
  it('reads every replica of every app', () => {
    expect(parseTargets('gateway=http://a:3000|http://b:3000/, console=http://c:3005')).toEqual([
      { app: 'gateway', url: 'http://a:3000' },
      { app: 'gateway', url: 'http://b:3000' },
      { app: 'console', url: 'http://c:3005' },
    ]);
  });
});

describe('metricSum', () => {
  const text = [
    '# HELP hub_outbox_backlog rows',
    'hub_outbox_backlog{app="approval"} 7',
    'hub_outbox_backlog_other 100',
    'hub_events_consumed_total{app="approval",topic="a"} 3',
    'hub_events_consumed_total{app="approval",topic="b"} 4',
  ].join('\n');

  it('sums the samples of one metric, not of a metric whose name it begins', () => {
    expect(metricSum(text, 'hub_outbox_backlog')).toBe(7);
    expect(metricSum(text, 'hub_events_consumed_total')).toBe(7);
    expect(metricSum(text, 'hub_events_failed_total')).toBeNull();
  });
});
