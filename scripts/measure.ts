/**
 * Runs a command and measures its wall time and the peak resident memory of
 * the largest process of its tree, read from Linux's /proc (VmHWM, sampled
 * every 100 ms over the child and all its descendants): no GNU time needed.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StampedLine } from './phases.ts';

export interface Run {
  seconds: number;
  peakRssMb: number;
  /** The output's lines, each stamped when it arrived (ms since the start): scripts/phases.ts reads them. */
  lines: StampedLine[];
}

/** The process and all its descendants, from /proc/<pid>/task/<tid>/children. */
export function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${pids[i]}/task/${tid}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // The task ended between the two reads.
      }
    }
  }
  return pids;
}

/** Peak resident set size of a process so far (kB), 0 when it is gone. */
export function peakRssKb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, log?: string): Promise<Run> {
  const start = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  const lines: StampedLine[] = [];
  const partial = { stdout: '', stderr: '' };
  const stamp = (stream: 'stdout' | 'stderr') => (c: Buffer) => {
    output.push(c);
    const ms = performance.now() - start;
    const parts = (partial[stream] + c.toString('utf8')).split('\n');
    partial[stream] = parts.pop()!;
    for (const text of parts) lines.push({ ms, text });
  };
  child.stdout.on('data', stamp('stdout'));
  child.stderr.on('data', stamp('stderr'));
  let peakKb = 0;
  const sample = () => {
    for (const pid of processTree(child.pid!)) peakKb = Math.max(peakKb, peakRssKb(pid));
  };
  const timer = setInterval(sample, 100);
  sample();
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      const text = Buffer.concat(output).toString('utf8');
      if (log) writeFileSync(log, text);
      if (code !== 0) reject(new Error(`${path.basename(command)} ${args.join(' ')} a échoué (${code}) :\n${text.slice(-6000)}`));
      else resolve({ seconds: round(seconds, 2), peakRssMb: round(peakKb / 1024, 0), lines });
    });
  });
}
