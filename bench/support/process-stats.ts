// What another process uses, read from Linux /proc, so a benchmark counts each program's own cost and not its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Resident and peak resident memory of a process, MB (the kernel's high-water mark, VmHWM, for the peak). */
export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Forgets a process's peak resident memory, so the next memoryMb(pid).peak covers only what follows (proc(5), clear_refs). */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** User + system CPU time a process has used, in microseconds (utime and stime, in 100 Hz clock ticks). */
export function cpuMicros(pid: number): number {
  return ticksOf(`/proc/${pid}/stat`);
}

/** The same for one thread of a process: a process's main thread has the process's id (proc(5), /proc/pid/task). */
export function threadCpuMicros(pid: number, tid = pid): number {
  return ticksOf(`/proc/${pid}/task/${tid}/stat`);
}

function ticksOf(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * The least time a piece of work can take on this machine's cores, from the CPU it used: no less than its busiest
 * thread's (each of `threads` runs on one core at a time), nor than the CPU of all its `programs` spread over every
 * core. Two sides' floors bound their throughput ratio whatever the scheduling, and they move little with other load.
 */
export function cpuFloor(threads: readonly number[], programs: readonly number[], cores = availableParallelism()): number {
  return Math.max(...threads, programs.reduce((sum, cpu) => sum + cpu, 0) / cores);
}
