// What another process uses, read from Linux /proc, so a benchmark counts each program's own cost and not its own.
import { readFileSync, writeFileSync } from 'node:fs';

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
