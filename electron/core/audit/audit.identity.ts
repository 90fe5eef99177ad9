import { hostname, userInfo } from 'node:os';

/** Who made a change and from which machine, as written into every audit entry. */
export interface AuditIdentity {
  user: string;
  host: string;
}

/** The OS user and host name; never throws (a container without a passwd entry falls back to $USER). */
export function auditIdentity(env: NodeJS.ProcessEnv = process.env): AuditIdentity {
  return { user: osUser(env), host: osHost() };
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    const name = userInfo().username;
    if (name) return name;
  } catch {
    // userInfo() throws when the uid has no passwd entry (common in containers).
  }
  return env.USER || env.USERNAME || env.LOGNAME || 'unknown';
}

function osHost(): string {
  try {
    return hostname() || 'unknown';
  } catch {
    return 'unknown';
  }
}
