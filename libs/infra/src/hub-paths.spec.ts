import { existsSync } from 'node:fs';
import { hubPaths, pathsUnder } from './hub-paths';

describe('hub paths', () => {
  it('keeps everything runtime under .hub/', () => {
    const paths = pathsUnder('/repo');
    expect(paths.kafka.pom).toBe('/repo/infra/kafka/pom.xml');
    expect(paths.kafka.lib).toBe('/repo/.hub/kafka/lib');
    expect(paths.kafka.pid).toBe('/repo/.hub/kafka/kafka.pid');
    expect(paths.kafka.log).toBe('/repo/.hub/kafka/kafka.log');
    expect(paths.postgres.data).toBe('/repo/.hub/pg');
  });

  it('finds the repository root from the sources', () => {
    expect(existsSync(hubPaths().kafka.pom)).toBe(true);
    expect(existsSync(hubPaths().kafka.log4j)).toBe(true);
  });
});
