/**
 * Polls `probe` until it stops throwing and returns its value. The bound only stops a broken test from hanging;
 * nothing is asserted about how long it took.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 60_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
