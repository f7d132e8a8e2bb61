/**
 * The shipped nginx configuration (deploy/nginx.conf) started in front of a running app for the perf scripts
 * (`npm run bench`, `npm run bench -- --model`): the file is used as it is, with only its upstream port, cache and
 * log paths and listen address swapped for private ones (a swap that no longer applies is an error, so the bench
 * never silently measures another configuration). A second server block serves one HTML file statically, the
 * ceiling the bench compares the cache with.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicMediaDir } from '../../lib/media/paths';
import { children, freePort, waitFor } from './server';

export const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

export interface Nginx {
  proxy: string;
  staticUrl: string;
  child: ChildProcess;
  brotli: boolean;
  /** The access log, one JSON object per request (deploy/nginx.conf's kiosque_json format, with $upstream_cache_status). */
  accessLog: string;
  /** Writes the buffered access log lines out (nginx reopens its logs on SIGUSR1, flushing their buffers). */
  flushLog: () => Promise<void>;
}

export async function startNginx(options: { work: string; appPort: number; staticHtml?: string; port?: number }): Promise<Nginx> {
  if (!nginxBin) throw new Error('nginx is not installed (apt-get install nginx)');
  const dir = join(options.work, 'nginx');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'cache'), { recursive: true });
  mkdirSync(join(dir, 'static'), { recursive: true });
  writeFileSync(join(dir, 'static', 'article.html'), options.staticHtml ?? '<!DOCTYPE html><title>static</title>');
  const proxyPort = options.port ?? (await freePort());
  const staticPort = await freePort();
  const accessLog = join(dir, 'logs', 'access.log');
  let site = readFileSync('deploy/nginx.conf', 'utf8');
  const swaps: [string, string][] = [
    ['server 127.0.0.1:3000;', `server 127.0.0.1:${options.appPort};`],
    ['/var/cache/nginx/kiosque', join(dir, 'cache')],
    ['listen 80;', `listen 127.0.0.1:${proxyPort};`],
    ['listen [::]:80;', ''],
    ['/var/log/nginx/kiosque.access.log kiosque_json', `${accessLog} kiosque_json buffer=256k flush=5s`],
    // The library's renditions are served from disk, as in production: the app's MEDIA_DIR (data/media by default).
    ['alias /var/lib/kiosque/media/public/$1;', `alias ${publicMediaDir()}/$1;`],
  ];
  for (const [from, to] of swaps) {
    if (!site.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}": update scripts/perf/nginx.ts`);
    site = site.replace(from, to);
  }
  const modules = ['/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so'].filter(existsSync);
  // As root, nginx workers would run as nobody and could not write the bench's private temp dir.
  const conf = `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes auto;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'logs', 'error.log')} warn;
${modules.map((m) => `load_module ${m};`).join('\n')}
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  client_body_temp_path ${dir}/tmp-body; proxy_temp_path ${dir}/tmp-proxy;
  fastcgi_temp_path ${dir}/tmp-fcgi; uwsgi_temp_path ${dir}/tmp-uwsgi; scgi_temp_path ${dir}/tmp-scgi;
  ${modules.length ? readFileSync('deploy/nginx-brotli.conf', 'utf8') : ''}
  ${site}
  server {
    listen 127.0.0.1:${staticPort};
    access_log off;
    root ${join(dir, 'static')};
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const test = spawnSync(nginxBin, ['-t', '-q', '-p', dir, '-c', confFile], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed: ${test.stderr}`);
  const child = spawn(nginxBin, ['-p', dir, '-c', confFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  const proxy = `http://127.0.0.1:${proxyPort}`;
  await waitFor(`${proxy}/fr`);
  return {
    proxy,
    staticUrl: `http://127.0.0.1:${staticPort}/article.html`,
    child,
    brotli: modules.length > 0,
    accessLog,
    flushLog: async () => {
      if (child.pid) process.kill(child.pid, 'SIGUSR1');
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
  };
}
