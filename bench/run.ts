/**
 * `npm run bench [-- <name>…]`: runs the benchmarks (default: all), each against its raw baseline in the same run,
 * and writes bench/results/<name>.json. BENCH_EVENTS overrides the number of events.
 */
import { runCoverageBench } from './coverage/coverage.bench';
import { runDoorBench } from './door/door.bench';
import { runDrawBench } from './draw/draw.bench';
import { runGatewayBench } from './gateway/gateway.bench';
import { runLinkageBench } from './linkage/linkage.bench';
import { runPipelineBench } from './pipeline/pipeline.bench';

const BENCHES: Record<string, (events: number) => Promise<unknown>> = {
  pipeline: runPipelineBench,
  gateway: runGatewayBench,
  linkage: runLinkageBench,
  door: runDoorBench,
  draw: runDrawBench,
  coverage: runCoverageBench,
};

async function main(): Promise<void> {
  const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(BENCHES);
  const events = Number(process.env.BENCH_EVENTS ?? 100_000);
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    await bench(events);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
