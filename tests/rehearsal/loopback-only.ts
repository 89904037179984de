// The module objects themselves (default imports), so that the replacements are what everyone else calls.
import dns from 'node:dns';
import * as fs from 'node:fs';
import * as net from 'node:net';

/**
 * Preloaded into the rehearsal's service (`node --require`): every outgoing connection to a host other than
 * this machine is refused before any DNS lookup, and its host is appended to the file named by
 * TANDEM_REHEARSAL_REFUSED_LOG, so the rehearsal can show that nothing left the machine and what tried to.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '']);
const log = process.env.TANDEM_REHEARSAL_REFUSED_LOG;

function refused(host: string, port: unknown): Error {
  if (log) fs.appendFileSync(log, `${host}:${String(port ?? '')}\n`);
  return Object.assign(new Error(`rehearsal: no connection to ${host} (loopback only)`), { code: 'ECONNREFUSED' });
}

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
const connect = net.Socket.prototype.connect as unknown as Connect;
(net.Socket.prototype as unknown as { connect: Connect }).connect = function (this: net.Socket, ...args: unknown[]) {
  // net.createConnection passes its normalized [options, callback]; a direct call passes (options | port, …).
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  let host: string | undefined;
  let port: unknown;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: unknown; path?: string };
    if (options.path === undefined) [host, port] = [options.host ?? 'localhost', options.port];
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    [host, port] = [typeof args[1] === 'string' ? args[1] : 'localhost', first];
  }
  if (host !== undefined && !LOOPBACK.has(host.toLowerCase())) {
    const error = refused(host, port);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};

type Lookup = (hostname: string, ...rest: unknown[]) => void;
const lookup = dns.lookup as unknown as Lookup;
(dns as unknown as { lookup: Lookup }).lookup = function (hostname: string, ...rest: unknown[]) {
  if (LOOPBACK.has(hostname.toLowerCase())) return lookup.call(dns, hostname, ...rest);
  const callback = rest.findLast((r): r is (error: Error) => void => typeof r === 'function');
  const error = refused(hostname, 'dns');
  process.nextTick(() => callback?.(error));
};
