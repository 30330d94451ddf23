// `redirect_to` validation as GoTrue does it (internal/utilities/request.go): allowed when the host
// matches site_url's, when it is a loopback address, or when it matches an additional_redirect_urls
// glob (compiled with `.` and `/` as separators). Otherwise the Referer, else site_url.

/** Compiles a gobwas/glob-style pattern with separators `.` and `/` into an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        out += '.*';
        i++;
      } else out += '[^./]*';
    } else if (c === '?') out += '[^./]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${pattern.slice(i + 1, end).split(',').map(escapeRegExp).join('|')})`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) out += escapeRegExp(pattern[++i]!);
    else out += escapeRegExp(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export interface RedirectPolicy {
  siteUrl: string;
  allowList: string[];
}

export function isRedirectAllowed(policy: RedirectPolicy, redirectTo: string | null | undefined): boolean {
  if (!redirectTo) return false;
  const target = parse(redirectTo);
  if (!target) return false;
  const site = parse(policy.siteUrl);
  if (site && site.hostname === target.hostname && site.protocol === target.protocol) {
    if (site.port === target.port || isLoopback(target.hostname)) return true;
  }
  if (isLoopback(target.hostname)) return true;
  const withoutFragment = redirectTo.split('#')[0]!;
  return policy.allowList.some((pattern) => globToRegExp(pattern).test(withoutFragment));
}

/** The URL GoTrue will redirect to: the requested one if allowed, else the Referer, else site_url. */
export function resolveRedirect(policy: RedirectPolicy, requested: string | null | undefined, referer: string | null | undefined): string {
  if (isRedirectAllowed(policy, requested)) return requested!;
  if (isRedirectAllowed(policy, referer)) return referer!;
  return policy.siteUrl;
}
