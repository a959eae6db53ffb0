// Time limits in tests are about the work a reader does (linear, not
// quadratic), not about how busy the machine is: two cores are shared with
// other builds, and wall-clock time can grow fivefold under their load. The
// process's CPU time is what the limits are checked against; the wall-clock
// time is kept for the figures a test prints.

export interface Timed<T> {
  value: T;
  cpuMs: number;
  wallMs: number;
}

export function timed<T>(run: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

export async function timedAsync<T>(run: () => Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { value, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}
