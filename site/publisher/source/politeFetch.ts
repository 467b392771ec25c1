/**
 * The CMS limits each client (cms/security/limits.ts) and says so with 429 and
 * Retry-After: wait as long as it says (capped) and ask again, a few times, instead of
 * failing a build or a preview at the first refusal.
 */
export async function politeFetch(
  url: string | URL,
  init: { headers: Record<string, string>; timeoutMs: number },
  { attempts = 6, maxWaitSeconds = 60, fetchImpl = fetch }: { attempts?: number; maxWaitSeconds?: number; fetchImpl?: typeof fetch } = {},
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetchImpl(url, { headers: init.headers, signal: AbortSignal.timeout(init.timeoutMs) })
    if (res.status !== 429 || attempt >= attempts) return res
    const wait = Math.min(maxWaitSeconds, Math.max(1, Number(res.headers.get('retry-after')) || 1))
    await res.body?.cancel()
    await new Promise((r) => setTimeout(r, wait * 1000))
  }
}
