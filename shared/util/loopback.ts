/** Whether a host name or address is this machine's loopback (what the web host binds by default, and where the sandbox runs). */
export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.')
}
