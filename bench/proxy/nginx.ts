/**
 * nginx as the reference point, when installed: one worker, keep-alive to the upstream.
 * Its CPU time is read from /proc for the master and worker processes.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function findNginx(): string | null {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(candidate)) return candidate;
  return null;
}

export interface NginxSubject {
  url: string;
  cpuMicros(): number;
  stop(): void;
}

export async function startNginx(
  binary: string,
  dir: string,
  upstream: string,
  port: number,
): Promise<NginxSubject> {
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const target = new URL(upstream);
  const conf = `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app { server ${target.host}; keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    client_body_buffer_size 128k;
    location / {
      proxy_request_buffering off;
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(binary, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const pids = () => {
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)]).toString();
    return [
      child.pid!,
      ...out
        .split('\n')
        .map((s) => Number(s.trim()))
        .filter((n) => n > 0),
    ];
  };
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return {
    url,
    cpuMicros() {
      let ticks = 0;
      for (const pid of pids()) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
          // a process that exited has no CPU left to count
        }
      }
      return (ticks / ticksPerSecond) * 1e6;
    },
    stop() {
      child.kill('SIGTERM');
    },
  };
}
