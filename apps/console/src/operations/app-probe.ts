/** One replica of an app as the overview sees it: its readiness and what its /metrics says. */
export interface ReplicaView {
  app: string;
  url: string;
  ready: boolean;
  /** The readiness checks by name (database, consumer, …); empty when it did not answer. */
  checks: Record<string, boolean>;
  /** Seconds since the process started (from hub_process_process_start_time_seconds); null when unknown. */
  uptimeSeconds: number | null;
  /** Outbox rows waiting to be relayed (hub_outbox_backlog). */
  outboxBacklog: number | null;
  producedTotal: number | null;
  consumedTotal: number | null;
  failedTotal: number | null;
  deadLetteredTotal: number | null;
  error?: string;
}

/** `gateway=http://a:3000|http://b:3000,approval=…`: the replicas of each app to probe. */
export function parseTargets(value: string): { app: string; url: string }[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part) => {
      const [app, urls] = part.split('=', 2);
      return (urls ?? '').split('|').map((url) => ({ app: app.trim(), url: url.trim().replace(/\/$/, '') }));
    });
}

/** The sum of a metric's samples (all label sets) in Prometheus' text format; null when absent. */
export function metricSum(text: string, name: string): number | null {
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) sum = (sum ?? 0) + value;
  }
  return sum;
}

/** Asks one replica for /health/ready and /metrics, within `timeoutMs` each. */
export async function probe(
  target: { app: string; url: string },
  now: number,
  timeoutMs = 2_000,
): Promise<ReplicaView> {
  const empty: ReplicaView = {
    ...target,
    ready: false,
    checks: {},
    uptimeSeconds: null,
    outboxBacklog: null,
    producedTotal: null,
    consumedTotal: null,
    failedTotal: null,
    deadLetteredTotal: null,
  };
  try {
    const health = await fetch(`${target.url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await health.json()) as { status?: string; checks?: Record<string, boolean> };
    const metrics = await fetch(`${target.url}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
    const text = metrics.ok ? await metrics.text() : '';
    const started = metricSum(text, 'hub_process_process_start_time_seconds');
    return {
      ...empty,
      ready: health.status === 200 && body.status === 'ready',
      checks: body.checks ?? {},
      uptimeSeconds: started === null ? null : Math.max(0, Math.round(now / 1000 - started)),
      outboxBacklog: metricSum(text, 'hub_outbox_backlog'),
      producedTotal: metricSum(text, 'hub_events_produced_total'),
      consumedTotal: metricSum(text, 'hub_events_consumed_total'),
      failedTotal: metricSum(text, 'hub_events_failed_total'),
      deadLetteredTotal: metricSum(text, 'hub_events_dead_lettered_total'),
    };
  } catch (error) {
    return { ...empty, error: (error as Error).message };
  }
}
