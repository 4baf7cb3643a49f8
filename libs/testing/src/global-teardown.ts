/** Stops only what the setup started; a broker or database that was already running keeps running. */
export default async function globalTeardown(): Promise<void> {
  const infrastructure = globalThis.__hubInfrastructure;
  globalThis.__hubInfrastructure = undefined;
  await infrastructure?.stop();
}
