/**
 * The gate's nginx files, rendered from the verified domain list and nothing else (先备案后接入).
 * Pure: the same entries and options always give the same bytes, so a fingerprint tells whether
 * anything changed. Port 80 is matched on the Host header, 443 on the TLS SNI (ssl_preread); a
 * name that is not on the list gets HTTP 451 with the provider's notice, or no TLS connection.
 */

export interface GateOptions {
  /** the directory holding the generated files (absolute) */
  dir: string;
  /** nginx `listen` values, e.g. '80' or '127.0.0.1:18080' */
  httpListen: string;
  httpsListen: string;
  /** ports on the customer servers that traffic is passed to */
  upstreamHttpPort: number;
  upstreamHttpsPort: number;
  pidFile: string;
  /** path of ngx_stream_module.so, or null when nginx has the stream module built in */
  streamModule: string | null;
}

/**
 * One map file serves both ports: `name address;` per verified domain (IPv6 in brackets). The
 * upstream ports are added in nginx.conf, so 500k names are written, hashed and parsed once.
 */
export const GATE_FILES = { conf: 'nginx.conf', map: 'gate.map', blockedPage: 'rackpact-451.html', accessLog: 'gate-access.log' } as const;

/**
 * The gate's access log (issue 22 §3, the regulator module's reconciliation reads it): one line per HTTP
 * request and per TLS connection, space-separated, the asked name last (it may hold anything but a line break):
 *   rackpact-gate http <msec> <server_addr> <status> <passed-to address or -> <Host>
 *   rackpact-gate tls  <msec> <server_addr> <status> <passed-to address or -> <SNI or ->
 * "-" as the passed-to address: the name is not on the verified list and was refused (451, or no TLS).
 */
export const GATE_LOG_PREFIX = 'rackpact-gate';

/** The default main configuration. An operator's own template may use the same {{placeholders}}. */
export const DEFAULT_GATE_TEMPLATE = `# rackpact gate: generated from the verified domain list (先备案后接入). Do not edit by hand:
# \`rackpact gate apply\` rewrites this directory. Template placeholders: {{...}}.
{{load_stream_module}}
worker_processes 1;
pid {{pid_file}};
error_log {{dir}}/error.log warn;

events {
    worker_connections 4096;
}

http {
    log_format rackpact_gate 'rackpact-gate http $msec $server_addr $status $rackpact_upstream_logged $host';
    access_log {{dir}}/${GATE_FILES.accessLog} rackpact_gate;
    client_body_temp_path {{dir}}/tmp/client_body;
    proxy_temp_path {{dir}}/tmp/proxy;
    fastcgi_temp_path {{dir}}/tmp/fastcgi;
    uwsgi_temp_path {{dir}}/tmp/uwsgi;
    scgi_temp_path {{dir}}/tmp/scgi;
    server_tokens off;
    map_hash_max_size {{map_hash_max_size}};
    map_hash_bucket_size 512;

    # Host -> the customer's server; a name not on the list maps to "" and is refused
    map $host $rackpact_upstream {
        default "";
        include {{dir}}/${GATE_FILES.map};
    }
    map $rackpact_upstream $rackpact_allowed {
        "" 0;
        default 1;
    }
    map $rackpact_upstream $rackpact_upstream_logged {
        "" "-";
        default $rackpact_upstream;
    }
    # WebSocket sites: the client's Upgrade is passed on; other requests keep the upstream connection open
    map $http_upgrade $rackpact_connection {
        default upgrade;
        "" "";
    }

    server {
        listen {{http_listen}} default_server;
        server_name _;
        error_page 451 /${GATE_FILES.blockedPage};
        location = /${GATE_FILES.blockedPage} {
            internal;
            root {{dir}};
            default_type "text/html; charset=utf-8";
        }
        location / {
            if ($rackpact_allowed = 0) {
                return 451;
            }
            proxy_pass http://$rackpact_upstream:{{upstream_http_port}};
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $rackpact_connection;
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }
    }
}

stream {
    map_hash_max_size {{map_hash_max_size}};
    map_hash_bucket_size 512;

    # an upstream with no live server: the client's connection is closed at once
    upstream rackpact_blocked {
        server 127.0.0.1:9 down;
    }
    map $ssl_preread_server_name $rackpact_tls_address {
        default "";
        include {{dir}}/${GATE_FILES.map};
    }
    map $rackpact_tls_address $rackpact_tls_upstream {
        "" rackpact_blocked;
        default $rackpact_tls_address:{{upstream_https_port}};
    }
    map $rackpact_tls_address $rackpact_tls_logged {
        "" "-";
        default $rackpact_tls_address;
    }
    map $ssl_preread_server_name $rackpact_sni_logged {
        "" "-";
        default $ssl_preread_server_name;
    }
    log_format rackpact_gate 'rackpact-gate tls $msec $server_addr $status $rackpact_tls_logged $rackpact_sni_logged';
    server {
        listen {{https_listen}};
        access_log {{dir}}/${GATE_FILES.accessLog} rackpact_gate;
        ssl_preread on;
        proxy_connect_timeout 10s;
        proxy_pass $rackpact_tls_upstream;
    }
}
`;

/** One map line; the SQL in the repository writes the same text for the whole list at once. */
export const mapLine = (domain: string, address: string) => `${domain} ${address.includes(':') ? `[${address}]` : address};\n`;

/** nginx sizes its map hash from this; a power of two comfortably above the entry count. */
export function mapHashMaxSize(count: number): number {
  let size = 1024;
  while (size < count * 2) size *= 2;
  return size;
}

export function renderGateConf(template: string, opts: GateOptions, count: number): string {
  const vars: Record<string, string> = {
    load_stream_module: opts.streamModule ? `load_module ${opts.streamModule};` : '',
    pid_file: opts.pidFile,
    dir: opts.dir,
    http_listen: opts.httpListen,
    https_listen: opts.httpsListen,
    map_hash_max_size: String(mapHashMaxSize(count)),
    upstream_http_port: String(opts.upstreamHttpPort),
    upstream_https_port: String(opts.upstreamHttpsPort),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The page a visitor of an unfiled or revoked site sees (HTTP 451), in Chinese first. */
export function renderBlockedPage(providerName: string): string {
  const p = escapeHtml(providerName);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>网站暂无法访问 — 未备案</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>该网站暂无法访问</h1>
<p>根据《非经营性互联网信息服务备案管理办法》及国家有关规定，网站须先备案后接入。本网站的备案（或经营许可）信息尚未经${p}核验，或已被注销、暂停，因此${p}暂停为其提供接入服务。</p>
<p>网站主办者请登录客户门户提交或更新备案信息；核验通过后即可恢复访问。</p>
<hr>
<p lang="en">This website cannot be reached: its ICP filing (or licence) has not been verified by ${p}, or was revoked or suspended. Access resumes once the filing is verified.</p>
<p>HTTP 451 · ${p}</p>
</body></html>
`;
}

export interface GateFiles {
  conf: string;
  map: string;
  blockedPage: string;
}

/** The gate's files from the map text (already in `mapLine` form, ordered) and its line count. */
export function renderGate(map: string, count: number, opts: GateOptions, template: string, providerName: string): GateFiles {
  return { conf: renderGateConf(template, opts, count), map, blockedPage: renderBlockedPage(providerName) };
}
